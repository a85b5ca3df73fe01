package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.localstack.Backend;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What another machine on the network can reach of a local run: nothing by default (the API and the services listen
 * on loopback; anyone who reaches them can forge tokens with the Cognito emulator's published key), and never the
 * services or their {@code /internal} routes.
 */
class LocalExposureIT {

    @Test
    void theServicesAndTheApiListenOnLoopbackOnly() throws SocketException {
        Backend backend = SystemUnderTest.backend();
        InetAddress external = externalAddress();
        assertNotNull(external, "this test needs a network interface other than loopback");
        List<String> applications = new ArrayList<>(Backend.SERVICES);
        applications.add("edge");
        for (String application : applications) {
            int port = (application.equals("edge") ? backend.api() : backend.serviceUrl(application)).getPort();
            assertTrue(accepts(InetAddress.getLoopbackAddress(), port), application + " answers on loopback");
            assertFalse(accepts(external, port), application + " must not answer on " + external.getHostAddress());
        }
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static InetAddress externalAddress() throws SocketException {
        for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : network.inetAddresses().toList()) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return null;
    }
}
