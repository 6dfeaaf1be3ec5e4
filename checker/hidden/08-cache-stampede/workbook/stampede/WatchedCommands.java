package workbook.stampede;

import io.lettuce.core.api.sync.RedisCommands;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One app instance's real Redis connection, watched by the test: it counts the commands the instance
 * sends, and can hold the instance just before its first command that is not a read (taking a lock,
 * writing a value) until the test lets it go.
 */
final class WatchedCommands implements InvocationHandler {
    private static final Set<String> READS = Set.of("get", "mget", "exists", "pttl", "ttl");

    private final RedisCommands<String, String> real;
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicBoolean holdFirstWrite = new AtomicBoolean();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch letGo = new CountDownLatch(1);

    WatchedCommands(RedisCommands<String, String> real) {
        this.real = real;
    }

    @SuppressWarnings("unchecked")
    RedisCommands<String, String> commands() {
        return (RedisCommands<String, String>) Proxy.newProxyInstance(RedisCommands.class.getClassLoader(),
                new Class<?>[]{RedisCommands.class}, this);
    }

    /** Commands sent so far. */
    int count() {
        return commands.get();
    }

    /** The instance's first command that is not a read will wait in {@link #awaitHeld} until {@link #letGo()}. */
    WatchedCommands holdBeforeFirstWrite() {
        holdFirstWrite.set(true);
        return this;
    }

    boolean awaitHeld() throws InterruptedException {
        return held.await(5, TimeUnit.SECONDS);
    }

    void letGo() {
        letGo.countDown();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
        }
        commands.incrementAndGet();
        if (!READS.contains(method.getName()) && holdFirstWrite.compareAndSet(true, false)) {
            held.countDown();
            letGo.await(5, TimeUnit.SECONDS);
        }
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
