package workbook.labkit.testing;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Wraps a real {@link DataSource} and counts the SQL statements executed through it, so a test can
 * assert "one query for 200 concurrent misses" instead of timing anything. Also counts connections
 * handed out.
 */
public final class CountingDataSource implements DataSource {
    private final DataSource target;
    private final List<String> executed = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    public CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** Statements executed since creation or the last {@link #reset()}. */
    public int count() {
        return executed.size();
    }

    /** Statements whose SQL contains {@code fragment}, ignoring case. */
    public int count(String fragment) {
        String wanted = fragment.toLowerCase(Locale.ROOT);
        return (int) executed.stream().filter(sql -> sql.toLowerCase(Locale.ROOT).contains(wanted)).count();
    }

    public List<String> statements() {
        return new ArrayList<>(executed);
    }

    public int connectionsOpened() {
        return connections.get();
    }

    public void reset() {
        executed.clear();
        connections.set(0);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        connections.incrementAndGet();
        return proxy(Connection.class, connection, (method, args, result) -> {
            if (result instanceof CallableStatement callable) {
                return proxy(CallableStatement.class, callable, countingCalls((String) args[0]));
            }
            if (result instanceof PreparedStatement prepared) {
                return proxy(PreparedStatement.class, prepared, countingCalls((String) args[0]));
            }
            if (result instanceof Statement statement) {
                return proxy(Statement.class, statement, countingCalls(null));
            }
            return result;
        });
    }

    /** Counts execute* calls; a plain Statement's SQL is its first argument, a prepared one's was given when it was prepared. */
    private AfterCall countingCalls(String preparedSql) {
        return (method, args, result) -> {
            if (method.getName().startsWith("execute")) {
                String sql = preparedSql != null ? preparedSql
                        : args != null && args.length > 0 && args[0] instanceof String text ? text : "(batch)";
                executed.add(sql);
            }
            return result;
        };
    }

    private interface AfterCall {
        Object apply(Method method, Object[] args, Object result) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] == type) {
                return target;
            }
            try {
                Object result = method.invoke(target, args);
                return after.apply(method, args, result);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[]{type}, handler));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(target) ? iface.cast(target) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(target) || target.isWrapperFor(iface);
    }
}
