package com.cruddur.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process that cannot outlive this JVM: it runs under {@code emulators/tether.js}, which ends it as soon as
 * our end of its stdin closes, on a normal exit, a crash or a kill -9 alike. Its output goes to a log file.
 */
public final class Tethered implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private Tethered(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static Tethered start(
            Path root, String name, List<String> command, Path workDir, Map<String, String> env, Path logDir) {
        List<String> tethered = new ArrayList<>(
                List.of("node", LocalPaths.emulators(root).resolve("tether.js").toString()));
        tethered.addAll(command);
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(tethered)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new Tethered(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Freezes the child (SIGSTOP), as a stalled host would: its connections stay open and nothing answers. */
    public void pause() {
        signal("STOP");
    }

    /** Lets a {@link #pause}d child run on (SIGCONT). */
    public void resume() {
        signal("CONT");
    }

    /** Kills the child at once (SIGKILL), as a crash would: no shutdown hook runs. */
    public void kill() {
        signal("KILL");
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    private void signal(String signal) {
        for (ProcessHandle child : process.descendants().toList()) {
            try {
                int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid()))
                        .inheritIO()
                        .start()
                        .waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("kill -" + signal + " " + child.pid() + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Asks the child to stop (SIGTERM through the tether), waits for it, and kills it if it does not stop in time. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (log: " + log + ")";
    }
}
