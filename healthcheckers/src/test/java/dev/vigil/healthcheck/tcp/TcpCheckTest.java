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
