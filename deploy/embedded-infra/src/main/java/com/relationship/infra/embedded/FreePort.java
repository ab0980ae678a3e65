package com.relationship.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds a loopback port nobody listens on, for servers that must know their port before they bind. */
final class FreePort {

    private FreePort() {
    }

    /** Returns {@code requested} unless it is 0, in which case the OS picks a free port. */
    static int orFree(int requested) {
        return requested != 0 ? requested : pick();
    }

    static int pick() {
        // There is a small window between closing this socket and the server binding the port;
        // on a developer machine or CI nothing else races for ephemeral ports in that window.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
