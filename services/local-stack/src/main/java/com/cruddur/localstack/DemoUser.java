package com.cruddur.localstack;

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

    public static DemoUser named(String handle) {
        return ALL.stream().filter(user -> user.handle.equals(handle)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + handle));
    }
}
