package com.relationship.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Fails fast, naming the setting to change, when a port is taken (typically by a launcher left running,
 * or a real MongoDB on 27017). Without it, a busy Kafka port shows up as a broker stack trace.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** @param portsBySetting port → the system property that sets it */
    static void requireFree(Map<Integer, String> portsBySetting) {
        portsBySetting.forEach((port, setting) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " is already in use; stop whatever listens there"
                        + " (another local stack?) or choose another port with -D" + setting + "=PORT");
            }
        });
    }
}
