package com.relationship.service.infra;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's aggregate cache of a single writer (the local stack), bounded by entries and holding them
 * strongly, over Caffeine. Axon's {@code WeakReferenceCache} holds an account only until the next
 * garbage collection, which under a command burst is a fraction of a second: the JFR profile of the
 * command path showed two store reads (snapshot and events) for nearly every command although the
 * cache was on. A failed append still evicts the account (Axon removes it on rollback), so the next
 * command reloads it.
 */
final class BoundedAggregateCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    BoundedAggregateCache(int maximumSize) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("relationship.event-store.aggregate-cache-size must be at least 1, was "
                    + maximumSize);
        }
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(Runnable::run) // evictions and their listeners on the caller's thread, not a shared pool
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        listeners.forEach(l -> l.onEntryExpired(key));
                    }
                })
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object before = entries.asMap().put(key, value);
        listeners.forEach(l -> {
            if (before == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.asMap().putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        boolean[] created = {false};
        Object value = entries.get(key, k -> {
            created[0] = true;
            return valueSupplier.get();
        });
        if (created[0] && value != null) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return (T) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object value = entries.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
        if (value != null) {
            listeners.forEach(l -> l.onEntryUpdated(key, value));
        }
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.asMap().remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List.copyOf(entries.asMap().keySet()).forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    /** How many accounts it holds, after any pending evictions. */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
