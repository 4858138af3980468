package org.gridwarden.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A command's standard output as the {@link PrintStream} the jobs print their progress and summary to, so that
 * what a command prints goes where its {@code CommandLine} says (the terminal, or a test's capture).
 */
final class ConsoleStream extends OutputStream {

    private final PrintWriter out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private ConsoleStream(PrintWriter out) {
        this.out = out;
    }

    static PrintStream of(PrintWriter out) {
        return new PrintStream(new ConsoleStream(out), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
    }

    /** Whole lines are decoded at once, so a character split across writes stays whole. */
    @Override
    public synchronized void flush() {
        out.print(pending.toString(StandardCharsets.UTF_8));
        out.flush();
        pending.reset();
    }

    @Override
    public void close() {
        flush();
    }
}
