package dev.vigil.lvs.ipvsadm;

import java.util.logging.Logger;

/** Sets java.util.logging up as the ipvs commands do and prints what a logger then is. */
public final class UnconfiguredLoggingMain {
    private UnconfiguredLoggingMain() {
    }

    public static void main(String[] args) {
        System.setProperty(IpvsadmCli.LOG_MANAGER, IpvsadmCli.UnconfiguredLogManager.class.getName());
        Logger logger = Logger.getLogger("dev.vigil.test");
        logger.info("dropped: the root logger has no handler");
        Logger root = Logger.getLogger("");
        System.out.println("manager: " + java.util.logging.LogManager.getLogManager().getClass().getName());
        System.out.println("logger: level " + logger.getLevel() + ", root " + root.getLevel() + ", handlers "
                + root.getHandlers().length + ", fine " + logger.isLoggable(java.util.logging.Level.FINE) + ", info "
                + logger.isLoggable(java.util.logging.Level.INFO));
    }
}
