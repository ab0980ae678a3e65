package com.relationship.localstack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortCheckTest {

    @Test
    void aTakenPortNamesTheSettingThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> PortCheck.requireFree(Map.of(port, LocalStackConfig.KAFKA_PORT)))
                    .hasMessage("port " + port + " is already in use; stop whatever listens there (another local stack?)"
                            + " or choose another port with -Dlocalstack.kafka-port=PORT");
        }
    }

    @Test
    void aFreePortPasses() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        assertThatCode(() -> PortCheck.requireFree(Map.of(port, LocalStackConfig.MONGO_PORT))).doesNotThrowAnyException();
    }
}
