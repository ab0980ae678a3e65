package com.relationship.service.infra;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedAggregateCacheTest {

    @Test
    void keepsAnAccountThatNothingElseReferencesAcrossGarbageCollections() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("account", new Object());
        WeakReference<Object> probe = new WeakReference<>(new Object());
        for (int i = 0; i < 20 && probe.get() != null; i++) {
            System.gc();
        }

        assertThat(probe.get()).as("a collection ran").isNull();
        assertThat((Object) cache.get("account")).isNotNull();
    }

    @Test
    void holdsAtMostItsSizeAndKeepsTheOftenUsed() {
        BoundedAggregateCache cache = new BoundedAggregateCache(100);
        IntStream.range(0, 1_000).forEach(i -> {
            cache.put("account-" + i, i);
            cache.get("account-0");
        });

        assertThat(cache.size()).isEqualTo(100);
        assertThat((Integer) cache.get("account-0")).isZero();
    }

    @Test
    void removesWhatAxonEvictsAfterARolledBackCommand() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("account", "version 4");

        assertThat(cache.remove("account")).isTrue();
        assertThat(cache.containsKey("account")).isFalse();
        assertThat(cache.remove("account")).isFalse();
        assertThat((Object) cache.get("account")).isNull();
    }

    @Test
    void putIfAbsentAndComputeKeepTheFirstValue() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);

        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.<Integer>computeIfAbsent("a", () -> 3)).isEqualTo(1);
        assertThat(cache.<Integer>computeIfAbsent("b", () -> 4)).isEqualTo(4);
        cache.<Integer>computeIfPresent("b", v -> v + 1);
        assertThat((Integer) cache.get("b")).isEqualTo(5);
        cache.removeAll();
        assertThat(cache.containsKey("a") || cache.containsKey("b")).isFalse();
    }

    @Test
    void tellsItsListenersUntilTheyDeregister() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        List<String> seen = new ArrayList<>();
        var registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }
        });
        cache.put("a", 1);
        cache.put("a", 2);
        cache.remove("a");
        registration.cancel();
        cache.put("b", 1);

        assertThat(seen).containsExactly("created a", "updated a", "removed a");
    }

    @Test
    void refusesASizeBelowOne() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0))
                .hasMessageContaining("relationship.event-store.aggregate-cache-size");
    }
}
