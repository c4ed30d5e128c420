package io.archivebatch.core.ingest;

import io.archivebatch.core.model.Rejection;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Containers ({@code .gz}, {@code .zip}, {@code .tar}, {@code .tar.gz}/{@code .tgz}, nested) with Commons Compress,
 * streamed member by member; each member is read by the reader its name calls for, with {@code source}
 * {@code archive.zip#member}. Bounded against decompression bombs: a member larger than {@code maxMemberBytes}, or
 * a container expanding beyond {@code maxRatio} times its size past 10 MB, is rejected; a truncated container keeps
 * the members read before the break and rejects the rest.
 */
public final class ContainerReader {

    private final long maxMemberBytes;
    private final double maxRatio;
    private final int maxDepth;

    public ContainerReader(long maxMemberBytes, double maxRatio, int maxDepth) {
        this.maxMemberBytes = maxMemberBytes;
        this.maxRatio = maxRatio;
        this.maxDepth = maxDepth;
    }

    public static boolean isContainer(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".gz") || n.endsWith(".tgz") || n.endsWith(".zip") || n.endsWith(".tar");
    }

    /**
     * Reads the container's members and hands each to {@code member} (with the depth for nested containers);
     * what cannot be read goes to {@code out} as a reject.
     */
    public void read(InputEntry entry, int depth, Consumer<IngestItem> out, BiConsumer<InputEntry, Integer> member) {
        if (depth >= maxDepth) {
            out.accept(IngestItem.of(new Rejection(entry.source(), "nested_too_deep",
                    "containers nested more than " + maxDepth + " deep")));
            return;
        }
        String n = entry.name().toLowerCase(Locale.ROOT);
        long compressed = Math.max(1, entry.size());
        long[] expanded = {0};
        try (InputStream raw = new BufferedInputStream(entry.open())) {
            if (n.endsWith(".zip")) {
                members(new ZipArchiveInputStream(raw), entry, depth, compressed, expanded, out, member);
            } else if (n.endsWith(".tar")) {
                members(new TarArchiveInputStream(raw), entry, depth, compressed, expanded, out, member);
            } else if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
                members(new TarArchiveInputStream(new GzipCompressorInputStream(raw, true)), entry, depth, compressed, expanded, out, member);
            } else {
                String inner = entry.name().substring(0, entry.name().length() - 3);
                byte[] bytes = bounded(new GzipCompressorInputStream(raw, true), entry.source(), compressed, expanded);
                member.accept(InputEntry.of(entry.source(), inner, bytes), depth + 1);
            }
        } catch (BombException e) {
            out.accept(IngestItem.of(new Rejection(e.source, "decompression_bomb", e.getMessage())));
        } catch (IOException | RuntimeException e) {
            out.accept(IngestItem.of(new Rejection(entry.source(), "truncated_or_corrupt",
                    "cannot read the container past this point: " + e)));
        }
    }

    private void members(ArchiveInputStream<? extends ArchiveEntry> archive, InputEntry container, int depth, long compressed,
                         long[] expanded, Consumer<IngestItem> out, BiConsumer<InputEntry, Integer> member) throws IOException {
        ArchiveEntry e;
        while ((e = archive.getNextEntry()) != null) {
            if (e.isDirectory()) {
                continue;
            }
            String name = e.getName();
            String base = name.substring(name.lastIndexOf('/') + 1);
            if (base.startsWith(".")) {
                continue;
            }
            String source = container.source() + "#" + name;
            if (!InputReaders.accepted().test(base)) {
                continue;
            }
            byte[] bytes = bounded(archive, source, compressed, expanded);
            member.accept(InputEntry.of(source, base, bytes), depth + 1);
        }
    }

    private byte[] bounded(InputStream in, String source, long compressed, long[] expanded) throws IOException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        for (int r; (r = in.read(chunk)) > 0; ) {
            buf.write(chunk, 0, r);
            expanded[0] += r;
            if (buf.size() > maxMemberBytes) {
                throw new BombException(source, "a member expands beyond " + maxMemberBytes + " bytes");
            }
            if (expanded[0] > 10L * 1024 * 1024 && expanded[0] > maxRatio * compressed) {
                throw new BombException(source, "the container expands more than " + (long) maxRatio + " times its size");
            }
        }
        return buf.toByteArray();
    }

    private static final class BombException extends IOException {
        final String source;

        BombException(String source, String message) {
            super(message);
            this.source = source;
        }
    }
}
