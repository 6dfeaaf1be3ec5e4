package workbook.pooling;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Wraps a physical connection so that {@code close()} gives it back instead of closing it. The first
 * {@code close()} calls {@code giveBack} with the physical connection; later ones do nothing, and any
 * other call after {@code close()} fails, so a caller cannot keep using a connection someone else
 * now holds.
 */
public final class PooledConnections {
    private PooledConnections() {
    }

    public static Connection wrap(Connection physical, Consumer<Connection> giveBack) {
        AtomicBoolean returned = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (returned.compareAndSet(false, true)) {
                                giveBack.accept(physical);
                            }
                            return null;
                        case "isClosed":
                            return returned.get() || physical.isClosed();
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "toString":
                            return "pooled " + physical;
                        default:
                            if (returned.get()) {
                                throw new SQLException("This connection was already given back to the pool.");
                            }
                            try {
                                return method.invoke(physical, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }
}
