package workbook.labkit.toxiproxy;

import static java.util.concurrent.TimeUnit.MICROSECONDS;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One direction of a proxied connection: bytes read from {@code source} are queued as chunks, and
 * delivered to {@code destination} when the toxics of this direction allow it.
 *
 * <p>Two threads work here. {@link #readSource()} only reads and queues, stamping each chunk with the
 * time it arrived, so latency is measured from arrival and keeps flowing like a real slow link.
 * {@link #deliver()} looks at the oldest chunk and walks it through the proxy's <em>current</em> toxics
 * in order; a toxic may let it pass, hold it until a given time, cut it into pieces, drop it, end
 * the stream or reset the connection. Every change to the toxics wakes the pipe, which simply asks
 * again; that is how toxics take effect on connections that are already open.
 */
final class Pipe {
    /** Toxiproxy copies with 32 KiB buffers too. */
    private static final int READ_BUFFER_BYTES = 32 * 1024;
    /** How far the pipe reads ahead of what it delivered; beyond this the sender feels back-pressure. */
    private static final long MAX_QUEUED_BYTES = 1024 * 1024;
    private static final long NEVER = Long.MAX_VALUE;

    /** Why a pipe stopped delivering. */
    enum Ending {
        /** The stream ended (sender closed, or a toxic ended it): close the destination. */
        CLOSE,
        /** A reset_peer toxic fired: reset the whole connection. */
        RESET,
        /** Stopped from outside (proxy disabled or deleted, server closed): nothing more to do. */
        STOPPED
    }

    private final Socket source;
    private final Socket destination;
    private final Supplier<List<Toxic>> currentToxics;
    private final long openedAt;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition somethingChanged = lock.newCondition();
    private final Condition roomToRead = lock.newCondition();
    // Everything below is guarded by lock.
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean endQueued;
    private boolean stopped;
    private final Map<String, ToxicState> states = new HashMap<>();
    private List<Toxic> lastSeenToxics = List.of();

    Pipe(Socket source, Socket destination, Supplier<List<Toxic>> currentToxics, long openedAt) {
        this.source = source;
        this.destination = destination;
        this.currentToxics = currentToxics;
        this.openedAt = openedAt;
    }

    Socket destination() {
        return destination;
    }

    /** Reader thread: queues everything the source sends, then the end of the stream. */
    void readSource() {
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        try {
            InputStream in = source.getInputStream();
            int count;
            while ((count = in.read(buffer)) != -1) {
                if (!enqueue(Chunk.data(Arrays.copyOf(buffer, count), System.nanoTime()))) {
                    return;
                }
            }
        } catch (IOException closedOrReset) {
            // Toxiproxy treats a read error like the end of the stream; so do we.
        }
        enqueue(Chunk.endOfStream(System.nanoTime()));
    }

    /** Delivery thread: writes chunks to the destination as the toxics allow; returns why it stopped. */
    Ending deliver() {
        try {
            OutputStream out = destination.getOutputStream();
            while (true) {
                Chunk next;
                lock.lock();
                try {
                    Ending ending = awaitDeliverable();
                    if (ending != null) {
                        return ending;
                    }
                    next = queue.pollFirst();
                    queuedBytes -= next.length();
                    roomToRead.signalAll();
                } finally {
                    lock.unlock();
                }
                out.write(next.bytes()); // outside the lock: a slow receiver must not block the reader
            }
        } catch (IOException receiverGone) {
            return Ending.CLOSE;
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
            return Ending.STOPPED;
        } finally {
            stop();
        }
    }

    /** Tells the delivery thread to look at the toxics again. */
    void toxicsChanged() {
        lock.lock();
        try {
            somethingChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops both threads of this pipe; the caller closes the sockets. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            queue.clear();
            somethingChanged.signalAll();
            roomToRead.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean enqueue(Chunk chunk) {
        lock.lock();
        try {
            while (queuedBytes >= MAX_QUEUED_BYTES && !stopped && !endQueued) {
                roomToRead.await();
            }
            if (stopped || endQueued) {
                return false; // a toxic already ended this stream; what follows goes nowhere
            }
            queue.addLast(chunk);
            queuedBytes += chunk.length();
            endQueued = chunk.isEnd();
            somethingChanged.signalAll();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the head of the queue is data that every toxic has let through (returns null), or
     * the pipe must end (returns why). Call with the lock held.
     */
    private Ending awaitDeliverable() throws InterruptedException {
        while (!stopped) {
            long now = System.nanoTime();
            List<Toxic> toxics = currentToxics.get();
            forgetRemovedToxics(toxics, now);
            long wakeAt = fireTimeouts(toxics, now);
            Chunk head = queue.peekFirst();
            if (head != null) {
                Verdict verdict = runThroughToxics(head, toxics, now);
                switch (verdict.kind) {
                    case PASS: // through every toxic: deliver the data, or end the stream
                        return head.isEnd() ? Ending.CLOSE : null;
                    case RESET:
                        return Ending.RESET;
                    case QUEUE_CHANGED:
                        continue;
                    case HOLD:
                        wakeAt = Math.min(wakeAt, verdict.until);
                        break;
                    default:
                        throw new IllegalStateException(verdict.kind.name());
                }
            }
            sleepUntil(wakeAt);
        }
        return Ending.STOPPED;
    }

    /** No busy-waiting: sleep until the next deadline, new data or a toxic change, whichever comes first. */
    private void sleepUntil(long wakeAt) throws InterruptedException {
        if (wakeAt == NEVER) {
            somethingChanged.await();
            return;
        }
        long remaining = wakeAt - System.nanoTime();
        if (remaining > 0) {
            somethingChanged.awaitNanos(remaining);
        }
    }

    private Verdict runThroughToxics(Chunk head, List<Toxic> toxics, long now) {
        for (Toxic toxic : toxics) {
            if (head.hasPassed(toxic)) {
                continue;
            }
            ToxicState state = stateOf(toxic);
            Verdict verdict = state.applies ? apply(toxic, state, head, toxics, now) : Verdict.PASS;
            if (verdict != Verdict.PASS) {
                return verdict;
            }
            head.pass(toxic);
        }
        return Verdict.PASS;
    }

    private Verdict apply(Toxic toxic, ToxicState state, Chunk head, List<Toxic> toxics, long now) {
        switch (toxic.type()) {
            case LATENCY:
                return latency(toxic, head, now);
            case BANDWIDTH:
                return bandwidth(toxic, state, head, now);
            case SLOW_CLOSE:
                return slowClose(toxic, head, now);
            case TIMEOUT:
                return timeout(state, head, now);
            case RESET_PEER:
                return resetPeer(toxic, state, now);
            case SLICER:
                return slicer(toxic, state, head, now);
            case LIMIT_DATA:
                return limitData(toxic, state, head, toxics, now);
            case NOOP:
                return Verdict.PASS;
            default:
                throw new IllegalStateException(toxic.type().name());
        }
    }

    /** Data leaves {@code latency ± jitter} ms after it arrived; the end of the stream follows the data at once. */
    private Verdict latency(Toxic toxic, Chunk head, long now) {
        if (head.isEnd()) {
            return Verdict.PASS;
        }
        long delayMillis = toxic.attribute("latency") + head.jitter(toxic.attribute("jitter"));
        long due = head.timestamp() + MILLISECONDS.toNanos(delayMillis);
        if (now < due) {
            return Verdict.holdUntil(due);
        }
        head.delayTo(due); // a second latency toxic adds its delay to this one
        return Verdict.PASS;
    }

    /** {@code rate} KB/s is {@code rate} bytes per millisecond; pieces of 100 ms keep the flow smooth. */
    private Verdict bandwidth(Toxic toxic, ToxicState state, Chunk head, long now) {
        long rate = toxic.attribute("rate");
        if (head.isEnd() || rate <= 0) {
            return Verdict.PASS;
        }
        long bytesPer100Millis = Math.min(rate, Integer.MAX_VALUE / 100) * 100;
        if (head.length() > bytesPer100Millis) {
            splitHead(head, (int) bytesPer100Millis);
        }
        // Each piece may start when it arrived or when the previous piece finished, whichever is later.
        long start = Math.max(head.waitingSince(toxic, now), state.linkFreeAt);
        long due = start + head.length() * 1_000_000L / rate;
        if (now < due) {
            return Verdict.holdUntil(due);
        }
        state.linkFreeAt = due;
        return Verdict.PASS;
    }

    private Verdict slowClose(Toxic toxic, Chunk head, long now) {
        if (!head.isEnd()) {
            return Verdict.PASS;
        }
        long due = head.waitingSince(toxic, now) + MILLISECONDS.toNanos(toxic.attribute("delay"));
        return now < due ? Verdict.holdUntil(due) : Verdict.PASS;
    }

    /**
     * While a timeout toxic is active, Toxiproxy drops the data, and each piece of data that reaches it
     * starts its timer again (the closing is done by {@link #fireTimeouts}).
     */
    private Verdict timeout(ToxicState state, Chunk head, long now) {
        if (head.isEnd()) {
            return Verdict.PASS;
        }
        state.lastDataAt = now;
        Chunk dropped = queue.pollFirst();
        queuedBytes -= dropped.length();
        roomToRead.signalAll();
        return Verdict.QUEUE_CHANGED;
    }

    /** The first data (or end of stream) to reach this toxic starts the clock; nothing passes, then the reset. */
    private Verdict resetPeer(Toxic toxic, ToxicState state, long now) {
        if (!state.resetClockStarted) {
            state.resetClockStarted = true;
            state.resetClockStart = now;
        }
        long due = state.resetClockStart + MILLISECONDS.toNanos(toxic.attribute("timeout"));
        return now < due ? Verdict.holdUntil(due) : Verdict.RESET;
    }

    private Verdict slicer(Toxic toxic, ToxicState state, Chunk head, long now) {
        if (head.isEnd()) {
            return Verdict.PASS;
        }
        if (now < state.nextSliceAt) {
            return Verdict.holdUntil(state.nextSliceAt);
        }
        long average = Math.max(1, Math.min(toxic.attribute("average_size"), Integer.MAX_VALUE / 2));
        long variation = Math.max(0, Math.min(toxic.attribute("size_variation"), Integer.MAX_VALUE / 2));
        if (head.length() > average + variation) {
            long size = average + (variation == 0 ? 0 : ThreadLocalRandom.current().nextLong(-variation, variation + 1));
            splitHead(head, (int) Math.max(1, Math.min(size, head.length() - 1)));
        }
        state.nextSliceAt = now + MICROSECONDS.toNanos(toxic.attribute("delay"));
        return Verdict.PASS;
    }

    private Verdict limitData(Toxic toxic, ToxicState state, Chunk head, List<Toxic> toxics, long now) {
        if (head.isEnd()) {
            return Verdict.PASS;
        }
        long limit = toxic.attribute("bytes");
        long remaining = limit - state.bytesPassed;
        if (remaining <= 0) {
            endStreamAfter(toxics, toxic, now);
            return Verdict.QUEUE_CHANGED;
        }
        if (head.length() > remaining) {
            Chunk beyondLimit = head.splitAt((int) remaining);
            queuedBytes -= beyondLimit.length();
        }
        state.bytesPassed += head.length();
        if (state.bytesPassed >= limit) {
            head.pass(toxic); // this chunk still goes through; the end of stream right behind it
            endStreamAfter(toxics, toxic, now);
        }
        return Verdict.PASS;
    }

    /**
     * Timeout toxics close the stream once {@code timeout} ms have passed without data reaching them,
     * counted from when they started on this connection or from the last data, whichever is later.
     */
    private long fireTimeouts(List<Toxic> toxics, long now) {
        long wakeAt = NEVER;
        for (Toxic toxic : toxics) {
            if (toxic.type() != ToxicType.TIMEOUT || toxic.attribute("timeout") <= 0) {
                continue; // timeout 0: never closes, only drops data
            }
            ToxicState state = stateOf(toxic);
            if (!state.applies || state.timeoutFired) {
                continue;
            }
            // A toxic added to an open connection starts now; on a new connection, when it opened.
            long quietSince = Math.max(Math.max(toxic.since(), openedAt), state.lastDataAt);
            long firesAt = quietSince + MILLISECONDS.toNanos(toxic.attribute("timeout"));
            if (now >= firesAt) {
                state.timeoutFired = true;
                endStreamAfter(toxics, toxic, now);
            } else {
                wakeAt = Math.min(wakeAt, firesAt);
            }
        }
        return wakeAt;
    }

    /**
     * Drops the state of toxics that were removed. Removing a timeout toxic closes the connections it
     * was stalling: Toxiproxy does this on purpose (its data was dropped, so the stream is broken).
     */
    private void forgetRemovedToxics(List<Toxic> toxics, long now) {
        Iterator<Map.Entry<String, ToxicState>> entries = states.entrySet().iterator();
        while (entries.hasNext()) {
            ToxicState state = entries.next().getValue();
            if (!containsName(toxics, state.toxic.name())) {
                entries.remove();
                if (state.applies && state.toxic.type() == ToxicType.TIMEOUT) {
                    endStreamAfter(lastSeenToxics, state.toxic, now);
                }
            }
        }
        lastSeenToxics = toxics;
    }

    /**
     * Ends the stream at {@code toxic}: data that has not got past it is dropped, and an end-of-stream
     * continues from there, through the toxics after it (a slow_close after it still delays the close).
     */
    private void endStreamAfter(List<Toxic> toxics, Toxic toxic, long now) {
        Chunk head = queue.peekFirst();
        boolean headIsPast = head != null && head.hasPassed(toxic);
        queue.clear();
        queuedBytes = 0;
        if (headIsPast) {
            queue.addLast(head);
            queuedBytes = head.length();
        }
        Chunk end = Chunk.endOfStream(now);
        end.passAll(namesUpTo(toxics, toxic));
        queue.addLast(end);
        endQueued = true;
        roomToRead.signalAll();
    }

    private void splitHead(Chunk head, int length) {
        Chunk rest = head.splitAt(length);
        queue.pollFirst();
        queue.addFirst(rest);
        queue.addFirst(head);
    }

    private ToxicState stateOf(Toxic toxic) {
        ToxicState state = states.computeIfAbsent(toxic.name(), name -> new ToxicState());
        if (state.toxic != toxic) {
            // New or updated toxic: draw whether it applies to this connection (toxicity is a probability).
            state.toxic = toxic;
            state.applies = ThreadLocalRandom.current().nextFloat() < toxic.toxicity();
        }
        return state;
    }

    private static boolean containsName(List<Toxic> toxics, String name) {
        for (Toxic toxic : toxics) {
            if (toxic.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> namesUpTo(List<Toxic> toxics, Toxic last) {
        List<String> names = new ArrayList<>();
        for (Toxic toxic : toxics) {
            names.add(toxic.name());
            if (toxic.name().equals(last.name())) {
                break;
            }
        }
        return names;
    }

    /** What this connection remembers about one toxic. */
    private static final class ToxicState {
        Toxic toxic;
        boolean applies;
        long bytesPassed; // limit_data; kept across updates, as in Toxiproxy
        long linkFreeAt = Long.MIN_VALUE; // bandwidth
        long nextSliceAt = Long.MIN_VALUE; // slicer
        boolean resetClockStarted; // reset_peer
        long resetClockStart;
        boolean timeoutFired; // timeout
        long lastDataAt = Long.MIN_VALUE; // timeout
    }

    /** A toxic's decision about the chunk at the head of the queue. */
    private static final class Verdict {
        enum Kind { PASS, HOLD, QUEUE_CHANGED, RESET }

        static final Verdict PASS = new Verdict(Kind.PASS, 0);
        static final Verdict QUEUE_CHANGED = new Verdict(Kind.QUEUE_CHANGED, 0);
        static final Verdict RESET = new Verdict(Kind.RESET, 0);

        final Kind kind;
        final long until;

        private Verdict(Kind kind, long until) {
            this.kind = kind;
            this.until = until;
        }

        static Verdict holdUntil(long nanoTime) {
            return new Verdict(Kind.HOLD, nanoTime);
        }
    }
}
