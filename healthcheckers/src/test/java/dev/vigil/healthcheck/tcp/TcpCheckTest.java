package dev.vigil.healthcheck.tcp;

import dev.vigil.healthcheck.Checks;
import dev.vigil.healthcheck.Servers;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.HealthChecker;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TcpCheckTest {
    @TempDir
    Path dir;
    Checks checks;

    @AfterEach
    void close() {
        if (checks != null) {
            checks.close();
        }
    }

    @Test
    void upWhenTheServerAccepts() throws Exception {
        checks = new Checks(dir);
        try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CheckResult r = checks.run(new TcpCheckFactory(), Map.of(), s.getLocalPort());
            assertThat(r.healthy()).as(r.message()).isTrue();
            assertThat(r.message()).isEqualTo("connected");
        }
    }

    @Test
    void downWhenRefused() throws Exception {
        checks = new Checks(dir);
        CheckResult r = checks.run(new TcpCheckFactory(), Map.of(), Servers.closedPort());
        assertThat(r.healthy()).isFalse();
        assertThat(r.message()).isEqualTo("connect refused");
    }

    @Test
    void downAtTheDeadlineWhenTheConnectHangs() throws Exception {
        checks = new Checks(dir);
        // A listener that never accepts, its queue full: Linux drops the next SYN, the connect hangs.
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> fill = new ArrayList<>();
            try {
                HealthChecker checker = checks.checker(new TcpCheckFactory(), Map.of());
                CheckResult r = null;
                for (int i = 0; i < 8; i++) {
                    r = checks.run(checker, s.getLocalPort(), Duration.ofMillis(400));
                    if (!r.healthy()) {
                        break;
                    }
                    java.net.Socket c = new java.net.Socket();
                    c.connect(s.getLocalSocketAddress(), 1000);
                    fill.add(c);
                }
                assertThat(r.healthy()).isFalse();
                assertThat(r.message()).isEqualTo("connect timeout after 400 ms");
                assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
                checker.close();
            } finally {
                for (java.net.Socket c : fill) {
                    c.close();
                }
            }
        }
    }

    @Test
    void upOverIpv6() throws Exception {
        checks = new Checks(dir);
        InetAddress v6 = InetAddress.getByName("::1");
        ServerSocket s;
        try {
            s = new ServerSocket(0, 5, v6);
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
            return;
        }
        try (s) {
            Duration timeout = Duration.ofSeconds(3);
            var target = new dev.vigil.plugin.check.CheckTarget(new InetSocketAddress(v6, s.getLocalPort()),
                    java.util.Optional.empty(), 0, timeout, java.time.Clock.systemUTC().instant().plus(timeout), "rs");
            try (HealthChecker checker = checks.checker(new TcpCheckFactory(), Map.of())) {
                CheckResult r = checker.check(target).toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(r.healthy()).as(r.message()).isTrue();
            }
        }
    }

    @Test
    void connectsFromBindto() throws Exception {
        checks = new Checks(dir);
        try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<InetAddress> peer = CompletableFuture.supplyAsync(() -> {
                try (java.net.Socket c = s.accept()) {
                    return c.getInetAddress();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Duration timeout = Duration.ofSeconds(3);
            var target = new dev.vigil.plugin.check.CheckTarget(Checks.loopback(s.getLocalPort()),
                    java.util.Optional.of(new InetSocketAddress("127.0.0.2", 0)), 0, timeout,
                    java.time.Clock.systemUTC().instant().plus(timeout), "rs");
            try (HealthChecker checker = checks.checker(new TcpCheckFactory(), Map.of())) {
                CheckResult r = checker.check(target).toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(r.healthy()).as(r.message()).isTrue();
            }
            assertThat(peer.get(5, TimeUnit.SECONDS).getHostAddress()).isEqualTo("127.0.0.2");
        }
    }

    @Test
    void twoThousandConcurrentChecksUseAHandfulOfThreads() throws Exception {
        checks = new Checks(dir);
        EventLoopGroup serverGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap().group(serverGroup).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096).childHandler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public boolean isSharable() {
                            return true;
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            HealthChecker checker = checks.checker(new TcpCheckFactory(), Map.of());
            assertThat(checks.run(checker, port, Duration.ofSeconds(5)).healthy()).isTrue();

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int before = threads.getThreadCount();
            threads.resetPeakThreadCount();
            List<CompletableFuture<CheckResult>> all = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                all.add(checker.check(Checks.target(port, Duration.ofSeconds(20))).toCompletableFuture());
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            long up = all.stream().map(CompletableFuture::join).filter(CheckResult::healthy).count();
            assertThat(up).isEqualTo(2000);
            assertThat(threads.getPeakThreadCount() - before).as("threads added during 2,000 checks").isLessThanOrEqualTo(4);
            server.close().sync();
        } finally {
            serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
