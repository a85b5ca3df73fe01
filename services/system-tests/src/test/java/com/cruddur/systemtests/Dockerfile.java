package com.cruddur.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Dockerfile's instructions: comments dropped, continued lines joined, each as keyword and arguments. */
record Dockerfile(Path path, List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {}

    static Dockerfile read(Path path) {
        List<Instruction> instructions = new ArrayList<>();
        try {
            StringBuilder pending = new StringBuilder();
            for (String line : Files.readAllLines(path)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                    continue;
                }
                pending.append(trimmed);
                String text = pending.toString().strip();
                pending.setLength(0);
                int space = text.indexOf(' ');
                instructions.add(new Instruction(
                        text.substring(0, space).toUpperCase(Locale.ROOT),
                        text.substring(space + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Dockerfile(path, instructions);
    }

    List<String> all(String keyword) {
        return instructions.stream()
                .filter(i -> i.keyword().equals(keyword))
                .map(Instruction::arguments)
                .toList();
    }

    /** The last instruction of a kind: the one in force in the image. */
    String last(String keyword) {
        List<String> all = all(keyword);
        if (all.isEmpty()) {
            throw new AssertionError(path + " has no " + keyword);
        }
        return all.get(all.size() - 1);
    }
}
