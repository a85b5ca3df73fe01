package com.cruddur.localstack;

import java.security.SecureRandom;
import java.util.List;

/** The demo users of a local run, seeded like the original app's. */
public record DemoUser(String handle, String displayName) {

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("andrewbrown", "Andrew Brown"),
            new DemoUser("altbrown", "Alt Brown"),
            new DemoUser("bayko", "Andrew Bayko"),
            new DemoUser("londo", "Londo Mollari"));

    /** A reserved test domain: never a real mailbox. */
    public String email() {
        return handle + "@cruddur.test";
    }

    /** A fresh password for a run (the emulator is local, but no password belongs in the repository). */
    public static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("Cruddur-");
        for (int i = 0; i < 10; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.append("7a").toString();
    }

    public static DemoUser named(String handle) {
        return ALL.stream()
                .filter(user -> user.handle.equals(handle))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + handle));
    }
}
