package io.archivebatch.batch;

import io.archivebatch.Corpus;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass list writer and the byte-level list check against the line-by-line ways they replace: the same bytes,
 * the same fingerprint (so runs started by an earlier version are still recognised), the same count.
 */
class InputListsTest {

    @TempDir
    Path dir;

    /** Every wcxb-dev dump and page as scanned, plus awkward names and sources, some with content hashes. */
    private List<SelectedInput> inputs() throws Exception {
        List<SelectedInput> out = new ArrayList<>();
        List<InputFile> scanned = InputScanner.allFormats().scan(List.of(Corpus.wcxbDev()));
        assertThat(scanned).hasSizeGreaterThan(1_400);
        for (int i = 0; i < scanned.size(); i++) {
            out.add(new SelectedInput(scanned.get(i), i % 2 == 0 ? "" : "%064x".formatted(i)));
        }
        String[] awkward = {"خبر.txt", "tab\there.txt", "cr\rlf\n.txt", "back\\slash.txt", "emoji-😀.txt", "plain.txt"};
        for (int i = 0; i < 20_000; i++) { // more than a megabyte of list: lines cross the check's buffer
            String name = awkward[i % awkward.length];
            out.add(new SelectedInput(new InputFile(dir.resolve("in").resolve(i + name), "in/" + i + "/" + name,
                    i % 3 == 0 ? -1 : 1000L * i, i % 4 == 0 ? 0 : -i * 7L), i % 3 == 0 ? "unreadable" : ""));
        }
        String huge = "x".repeat(1_500_000); // one line longer than the buffer
        out.add(new SelectedInput(new InputFile(dir.resolve("huge.txt"), "in/" + huge + ".txt", 5, 6), ""));
        return out;
    }

    @Test
    void onePassWriterWritesTheSameBytesAndFingerprint() throws Exception {
        List<SelectedInput> inputs = inputs();
        StringBuilder text = new StringBuilder(); // the list line by line, as the writer before the one-pass one wrote it
        for (SelectedInput s : inputs) {
            InputFile f = s.file();
            text.append(escape(f.path().toString())).append('\t').append(escape(f.source())).append('\t').append(f.size())
                    .append('\t').append(f.mtime()).append('\t').append(s.sha256()).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String fingerprint = InputLists.write(inputs, bytes);
        assertThat(bytes.toByteArray()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(fingerprint).isEqualTo(InputLists.fingerprint(inputs)).hasSize(64);

        Path list = dir.resolve("inputs.tsv");
        Files.write(list, bytes.toByteArray());
        InputLists.Check check = InputLists.check(list);
        assertThat(check.count()).isEqualTo(inputs.size());
        assertThat(check.fingerprint()).isEqualTo(fingerprint);
        assertThat(InputLists.checkByParsing(list)).isEqualTo(check);
    }

    /** Lists the writer never writes (edited by hand) are checked as parsing them line by line checks them. */
    @Test
    void otherListsAreCheckedAsParsingThem() throws Exception {
        String a = "/d/a.txt\td/a.txt\t12\t1700000000000\t\n";
        String b = "/d/b.txt\td/b.txt\t7\t-5\tabc\n";
        String[] lists = {
                a + b,
                a + b.strip(), // no newline at the end
                a.replace("\n", "\r\n") + b, // carriage returns
                a + "\r" + b,
                "\n\n" + a + "\n" + b + "\n\n", // empty lines
                a + "/d/c.txt\td/c.txt\t05\t1\t\n", // a size Long.toString does not write
                a + "/d/c.txt\td/c.txt\t-0\t1\t\n",
                a + "/d/c.txt\td/c.txt\t0\t+1\t\n",
                a + "/d/c.txt\td/c.txt\t3\t1\n", // no hash field
                a + "/d/c.txt\td/c.txt\t3\t1\th\textra\n", // a field too many
                a + "/d/c\\\\.txt\td/c\\t.txt\t3\t1\th\n", // escapes
                "",
        };
        for (String s : lists) {
            Path list = dir.resolve("edited.tsv");
            Files.writeString(list, s, StandardCharsets.UTF_8);
            assertThat(InputLists.check(list)).as(s).isEqualTo(InputLists.checkByParsing(list));
        }
        Files.writeString(dir.resolve("edited.tsv"), a + "/d/c.txt\td/c.txt\t05\t1\t\n");
        assertThat(InputLists.check(dir.resolve("edited.tsv")).count()).isEqualTo(2);
        assertThat(InputLists.check(dir.resolve("edited.tsv")).fingerprint())
                .isEqualTo(InputLists.checkByParsing(dir.resolve("edited.tsv")).fingerprint())
                .isEqualTo(InputLists.fingerprint(List.of(InputLists.parse(a.strip()),
                        InputLists.parse("/d/c.txt\td/c.txt\t5\t1\t"))));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
