package workbook.labkit.toxiproxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;

/** The proxies of one server, by name. Every change goes through here, one at a time. */
final class ProxyRegistry {
    private final ExecutorService threads;
    private final boolean loopbackOnly;
    private final Map<String, TcpProxy> proxies = new TreeMap<>(); // sorted, as Go prints a map

    /** A proxy as the API describes it; {@code listen} as given (it is resolved when the proxy starts). */
    record ProxySpec(String name, String listen, String upstream, boolean enabled) {
    }

    /** What populate managed before it stopped; {@code error} is null when everything went through. */
    record PopulateResult(List<TcpProxy> proxies, ApiException error) {
    }

    /** @param loopbackOnly whether proxies may only listen on loopback (see {@link TcpProxy}) */
    ProxyRegistry(ExecutorService threads, boolean loopbackOnly) {
        this.threads = threads;
        this.loopbackOnly = loopbackOnly;
    }

    synchronized List<TcpProxy> all() {
        return new ArrayList<>(proxies.values());
    }

    synchronized TcpProxy get(String name) throws ApiException {
        TcpProxy proxy = proxies.get(name);
        if (proxy == null) {
            throw ApiException.notFound("proxy not found");
        }
        return proxy;
    }

    /** Creates and (unless disabled) starts a proxy; it is only registered if it could start. */
    synchronized TcpProxy create(ProxySpec spec) throws ApiException {
        if (proxies.containsKey(spec.name())) {
            throw ApiException.conflict("proxy already exists");
        }
        TcpProxy proxy = startNew(spec);
        proxies.put(spec.name(), proxy);
        return proxy;
    }

    /**
     * Creates or replaces each proxy in turn. A proxy whose listen and upstream are unchanged is left
     * alone (with its toxics and connections), so populating twice is harmless; a changed one is
     * stopped and replaced by a fresh proxy. Stops at the first proxy that cannot start, keeping the
     * ones before it, as Toxiproxy does.
     */
    synchronized PopulateResult populate(List<ProxySpec> specs) {
        List<TcpProxy> done = new ArrayList<>();
        for (ProxySpec spec : specs) {
            try {
                TcpProxy existing = proxies.get(spec.name());
                if (existing != null && !existing.differsFrom(spec.listen(), spec.upstream())) {
                    done.add(existing);
                    continue;
                }
                if (existing != null) {
                    existing.disable();
                }
                TcpProxy proxy = startNew(spec);
                proxies.put(spec.name(), proxy);
                done.add(proxy);
            } catch (ApiException e) {
                return new PopulateResult(done, e);
            }
        }
        return new PopulateResult(done, null);
    }

    synchronized void delete(String name) throws ApiException {
        get(name).disable();
        proxies.remove(name);
    }

    /** Enables every proxy and removes every toxic. */
    synchronized void reset() throws ApiException {
        for (TcpProxy proxy : proxies.values()) {
            proxy.enable();
            proxy.removeAllToxics();
        }
    }

    synchronized void closeAll() {
        for (TcpProxy proxy : proxies.values()) {
            proxy.disable();
        }
        proxies.clear();
    }

    private TcpProxy startNew(ProxySpec spec) throws ApiException {
        TcpProxy proxy = new TcpProxy(spec.name(), spec.listen(), spec.upstream(), loopbackOnly, threads);
        if (spec.enabled()) {
            proxy.enable();
        }
        return proxy;
    }
}
