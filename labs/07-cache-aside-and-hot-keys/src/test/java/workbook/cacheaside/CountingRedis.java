package workbook.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Wraps a real Redis connection and records every command sent through it with the keys it names,
 * so that a test can count round trips ("10 reads, 1 GET") and load per key, as a Redis server's
 * per-key statistics would show.
 */
final class CountingRedis {
    record Call(String command, List<String> keys) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final RedisCommands<String, String> commands;

    @SuppressWarnings("unchecked")
    CountingRedis(RedisCommands<String, String> target) {
        commands = (RedisCommands<String, String>) Proxy.newProxyInstance(CountingRedis.class.getClassLoader(),
                new Class<?>[]{RedisCommands.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() != Object.class) {
                        calls.add(new Call(method.getName().toUpperCase(), keysOf(method.getName(), args)));
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The connection to hand to the code under test. */
    RedisCommands<String, String> commands() {
        return commands;
    }

    /** Commands sent so far. */
    int total() {
        return calls.size();
    }

    /** Commands named {@code command} (GET, SET, EVAL...), whatever their keys. */
    int count(String command) {
        return (int) calls.stream().filter(call -> call.command().equals(command)).count();
    }

    /** Commands that named {@code key}, whatever the command. */
    int forKey(String key) {
        return (int) calls.stream().filter(call -> call.keys().contains(key)).count();
    }

    /** Commands named {@code command} (GET, SET, EVAL...) that named {@code key}. */
    int count(String command, String key) {
        return (int) calls.stream().filter(call -> call.command().equals(command) && call.keys().contains(key)).count();
    }

    /** How many commands named each key. */
    Map<String, Long> perKey() {
        return calls.stream().flatMap(call -> call.keys().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    void reset() {
        calls.clear();
    }

    private static List<String> keysOf(String command, Object[] args) {
        if (args == null || args.length == 0) {
            return List.of();
        }
        if (command.startsWith("eval") && args.length > 2 && args[2] instanceof String[] keys) {
            return List.of(keys);
        }
        if (args[0] instanceof String[] keys) {
            return List.of(keys);
        }
        if (command.equals("publish") || command.startsWith("eval") || command.startsWith("script")) {
            return List.of();
        }
        return args[0] instanceof String key ? List.of(key) : List.of();
    }

    @Override
    public String toString() {
        return calls.size() + " commands: " + calls.stream().limit(5).map(Call::toString).toList()
                + (calls.size() > 5 ? "..." : "");
    }
}
