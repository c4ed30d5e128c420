package io.archivebatch.core.ingest;

import io.archivebatch.core.model.Rejection;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * WARC files ({@code .warc}, {@code .warc.gz}, as Heritrix, wget, Browsertrix or Common Crawl write them), read with
 * jwarc as a stream: every {@code response} record whose HTTP payload is HTML becomes one document
 * ({@code source#record:N}) with the target URI as its URL, the HTTP header's charset and the capture time
 * ({@code captured}); its page is read by the
 * {@link HtmlReader}. Other records (requests, metadata, images, redirects, errors) are skipped and counted; a WARC
 * with no HTML page at all becomes one reject that gives the counts. A truncated or corrupt WARC keeps the pages read
 * before the damage and adds one reject for the rest.
 */
public final class WarcReader {

    private final HtmlReader html;
    private final long maxRecordBytes;

    public WarcReader(HtmlReader html, long maxRecordBytes) {
        this.html = html;
        this.maxRecordBytes = maxRecordBytes;
    }

    public static boolean isWarcName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".warc") || n.endsWith(".warc.gz");
    }

    /** What one file held: pages read, and the other records by type ("request", "response:image/jpeg"...). */
    public record Counts(int pages, Map<String, Integer> skipped) {
    }

    public Counts read(InputEntry entry, Consumer<IngestItem> out) throws RejectedInputException {
        Map<String, Integer> skipped = new TreeMap<>();
        int pages = 0;
        int htmlRecords = 0;
        int n = 0;
        try (InputStream in = entry.open(); org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(in)) {
            reader.setLenient(true);
            for (Optional<WarcRecord> next; (next = reader.next()).isPresent(); ) {
                n++;
                WarcRecord record = next.get();
                String source = entry.source() + "#record:" + n;
                if (!(record instanceof WarcResponse response)) {
                    skipped.merge(record.type(), 1, Integer::sum);
                    continue;
                }
                HttpResponse http;
                try {
                    http = response.http();
                } catch (IOException | RuntimeException e) {
                    skipped.merge("response:not-http", 1, Integer::sum);
                    continue;
                }
                MediaType type = http.contentType();
                String base = type == null ? "" : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
                if (!base.equals("text/html") && !base.equals("application/xhtml+xml")) {
                    skipped.merge("response:" + (base.isEmpty() ? "unknown" : base), 1, Integer::sum);
                    continue;
                }
                if (http.status() < 200 || http.status() >= 300) {
                    skipped.merge("response:status-" + http.status(), 1, Integer::sum);
                    continue;
                }
                htmlRecords++;
                byte[] bytes;
                try (InputStream body = http.bodyDecoded().stream()) {
                    bytes = body.readNBytes((int) Math.min(maxRecordBytes + 1, Integer.MAX_VALUE - 16));
                }
                if (bytes.length > maxRecordBytes) {
                    out.accept(IngestItem.of(new Rejection(source, "too_large",
                            "the page has more than the limit of " + maxRecordBytes + " bytes")));
                    continue;
                }
                String charset = type.parameters().get("charset");
                String url = response.target();
                String captured = captured(response);
                try {
                    out.accept(IngestItem.of(html.parse(source, bytes, charset, url).withGiven("captured", captured)));
                    pages++;
                } catch (RejectedInputException e) {
                    out.accept(IngestItem.of(e.toRejection(source)));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (n == 0 && pages == 0) {
                throw new RejectedInputException("unreadable_warc", "not a readable WARC file: " + e.getMessage());
            }
            out.accept(IngestItem.of(new Rejection(entry.source() + "#record:" + (n + 1), "truncated_warc",
                    "the WARC file is damaged after record " + n + ": " + e.getMessage())));
        }
        if (htmlRecords == 0 && n > 0) {
            out.accept(IngestItem.of(new Rejection(entry.source(), "no_html_records",
                    "no HTML response among " + n + " records; skipped " + skipped)));
        }
        return new Counts(pages, skipped);
    }

    /** The record's WARC-Date, ISO-8601 in UTC to the second ({@code 2024-03-01T12:00:00Z}), or null when unreadable. */
    static String captured(WarcRecord record) {
        try {
            return java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                    record.date().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        } catch (RuntimeException e) {
            return null; // a lenient read of a record without a valid WARC-Date
        }
    }
}
