package workbook.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * A fake server on a {@link FakeTicker}: call number {@code i} (from 0) takes {@code serviceNanos(i)}
 * of fake time. It remembers when each call was sent, relative to {@link FakeTicker#START}.
 */
final class ScriptedTarget implements Target {
    private final FakeTicker ticker;
    private final IntToLongFunction serviceNanos;
    private final List<Long> sentAt = new ArrayList<>();

    ScriptedTarget(FakeTicker ticker, IntToLongFunction serviceNanos) {
        this.ticker = ticker;
        this.serviceNanos = serviceNanos;
    }

    @Override
    public synchronized void call() {
        int index = sentAt.size();
        sentAt.add(ticker.nanoTime() - FakeTicker.START);
        ticker.advance(serviceNanos.applyAsLong(index));
    }

    synchronized List<Long> sentAt() {
        return List.copyOf(sentAt);
    }

    synchronized int calls() {
        return sentAt.size();
    }
}
