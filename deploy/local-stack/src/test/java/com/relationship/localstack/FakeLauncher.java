package com.relationship.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A launcher in a JVM of its own, for killing: starts the command in its args as a service the way
 * the local stack does (from its main thread), prints {@code CHILD <pid>}, and waits until killed.
 */
public final class FakeLauncher {

    private static final String CHILD_LINE = "CHILD ";

    private FakeLauncher() {
    }

    public static void main(String[] args) throws Exception {
        ServiceProcess service = ServiceProcess.start("fake", List.of(args), 0, System.out);
        System.out.println(CHILD_LINE + service.pid());
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }

    /** Reads the launcher's output up to its {@code CHILD} line; the rest is drained in the background. */
    static long childPid(Process launcher) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith(CHILD_LINE)) {
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }), "fake-launcher-output");
                drain.setDaemon(true);
                drain.start();
                return Long.parseLong(line.substring(CHILD_LINE.length()).trim());
            }
        }
        throw new IllegalStateException("the fake launcher exited before it started its service");
    }
}
