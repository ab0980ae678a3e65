package com.relationship.localstack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the kernel send a service SIGTERM when the launcher dies, however it dies: a launcher killed
 * with SIGKILL runs no shutdown hook, and its children would otherwise live on, holding ports 8080
 * and 8081 against the next start. Linux's parent-death signal, set by util-linux {@code setpriv
 * --pdeathsig} before it runs the service's {@code java}. Where there is no {@code setpriv} (not
 * Linux), the command runs as it is and the launcher says that a kill -9 leaves the services running.
 * <p>
 * The kernel sends the signal when the <em>thread</em> that started the child ends, so services are
 * started from the launcher's main thread, which lives until the launcher stops.
 */
final class LauncherDeath {

    private static final List<String> SETPRIV = List.of("setpriv", "--pdeathsig", "TERM");
    private static volatile Boolean available;

    private LauncherDeath() {
    }

    /** {@code command}, run so that it gets SIGTERM when this process dies (where the system can). */
    static List<String> signalsChild(List<String> command) {
        if (!available()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(SETPRIV);
        wrapped.addAll(command);
        return wrapped;
    }

    static boolean available() {
        Boolean known = available;
        if (known == null) {
            known = probe();
            available = known;
            if (!known) {
                System.err.println("local-stack: no 'setpriv --pdeathsig' here; if the launcher is killed with "
                        + "SIGKILL, stop its services yourself");
            }
        }
        return known;
    }

    /** Runs {@code setpriv --pdeathsig TERM true}: present, and new enough to know the option. */
    private static boolean probe() {
        List<String> command = new ArrayList<>(SETPRIV);
        command.add("true");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
