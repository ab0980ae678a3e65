package com.relationship.benchmarks.jmh;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The CloudEvents envelope of the events topic ({@link AccountEventCodec}): what the relay writes
 * per event and every consumer reads per record, a purchase with all its extensions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CloudEventsBenchmark {

    private final AccountEventCodec codec = new AccountEventCodec();
    private EnvelopedAccountEvent purchase;
    private byte[] message;

    @Setup
    public void message() {
        purchase = AccountHistories.of(2).get(1);
        message = codec.encode(purchase);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(purchase);
    }

    @Benchmark
    public EnvelopedAccountEvent decode() {
        return codec.decode(message);
    }
}
