package io.github.seckill.stack;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The Seata TC from {@code coordinator/target/seckill-coordinator.jar}: one on the file store under
 * {@code <data>/seata}, or, in a cluster stack, a group of TCs sharing the production store, MySQL's
 * {@code seata} database (docs/adr/0016).
 */
final class Coordinator {

    /** The database the TCs of a group share; its tables are created by the first TC's Flyway. */
    static final String DATABASE = "seata";

    /**
     * One TC: its clients' port, its console's port, its Prometheus port and its server node number, which
     * seeds the ids it hands out (transaction and branch ids): two TCs on one store must never share one.
     */
    record Instance(String name, int port, int consolePort, int metricsPort, int node) {
    }

    /**
     * The address the TCs of a group put into their transaction ids, which is the one their clients must dial.
     * Seata's client sends a transaction's branch registrations, commit and rollback to the TC whose address the
     * id carries, and to any TC of the group when it has no connection to that address: then a batch begun on
     * one TC registers on the other, and a kill of either TC rolls it back. The 2.0.0 server refuses a loopback
     * address for {@code -h} (it takes the machine's first other address instead), so the group is named by the
     * machine's own address, on which the TCs listen too; 127.0.0.1 where the machine has no other.
     */
    static String advertisedHost() {
        try {
            InetAddress local = InetAddress.getLocalHost();
            if (advertisable(local)) {
                return local.getHostAddress();
            }
        } catch (UnknownHostException e) {
            // the interfaces below
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (advertisable(address)) {
                            return address.getHostAddress();
                        }
                    }
                }
            }
        } catch (SocketException e) {
            // none
        }
        return StackSettings.HOST;
    }

    private static boolean advertisable(InetAddress address) {
        return address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isAnyLocalAddress()
                && !address.isLinkLocalAddress();
    }

    private Coordinator() {
    }

    /** Checked before anything starts: a TC whose console port is taken would exit at once. */
    static void checkConsolePort(StackSettings settings) {
        if (Probes.listening(settings.tcConsolePort())) {
            throw new StackFailure("port " + settings.tcConsolePort() + " (the Seata TC console) is taken:"
                    + " stop what listens there, or give the console another port with SECKILL_TC_CONSOLE_PORT");
        }
    }

    /** The TC of the default stack, on the file store. */
    static ChildProcess start(Stops stops, StackSettings settings) {
        Path home = settings.data().resolve("seata");
        return start(stops, settings, new Instance("coordinator", settings.tcPort(), settings.tcConsolePort(), 0, 0),
                home, List.of("-h", StackSettings.HOST, "-m", "file"), List.of("-Dseata.store.file.dir=" + home.resolve("sessionStore")));
    }

    /**
     * One TC of a group on the MySQL store ({@code database}), named {@code host} in its ids; the group's first
     * TC creates the tables.
     */
    static ChildProcess startOnDatabase(Stops stops, StackSettings settings, Instance tc, String host,
            String database) {
        String url = "jdbc:mysql://" + StackSettings.HOST + ":" + settings.mysqlPort() + "/" + database
                + "?useSSL=false&characterEncoding=utf8&rewriteBatchedStatements=true&createDatabaseIfNotExist=true";
        return start(stops, settings, tc, settings.data().resolve(tc.name()), List.of("-h", host, "-m", "db", "-n",
                Integer.toString(tc.node())), List.of("-Dspring.profiles.active=db", "-Dseata.store.db.url=" + url,
                "-Dseata.store.db.user=" + settings.mysqlUser(), "-Dseata.store.db.password=" + settings.mysqlPassword(),
                "-Dseata.metrics.exporter-prometheus-port=" + tc.metricsPort()));
    }

    private static ChildProcess start(Stops stops, StackSettings settings, Instance tc, Path home,
            List<String> storeArguments, List<String> storeProperties) {
        Path jar = ServiceJars.jar(settings.repo(), "coordinator", "seckill-coordinator.jar");
        // Spring settings must be -D properties: the server stops at "--key=value" arguments (coordinator/README.md).
        List<String> arguments = new ArrayList<>(storeProperties);
        arguments.addAll(List.of(
                "-Dlogging.file.path=" + home.resolve("logs"),
                "-Dlogging.path=" + home.resolve("logs"),
                "-Dserver.tomcat.basedir=" + home.resolve("tomcat"),
                "-Dserver.port=" + tc.consolePort(),
                "-jar", jar.toString(), "-p", Integer.toString(tc.port())));
        arguments.addAll(storeArguments);
        ChildProcess process = ChildProcess.start(stops, tc.name(),
                ChildProcess.niced(settings.backgroundNice(), ChildProcess.java(settings.jvm(), arguments)), home,
                Map.of(), settings.logs());
        // the TC port opens last, once the console and the store are up
        process.awaitReady(Duration.ofSeconds(120), () -> Probes.listening(tc.port()));
        return process;
    }
}
