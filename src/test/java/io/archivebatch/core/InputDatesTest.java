package io.archivebatch.core;

import io.archivebatch.core.ingest.InputDates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class InputDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "dumps/2024-03-14/page.txt|2024-03-14",
            "dumps/2024/03/14/page.txt|2024-03-14",
            "dumps/20240314-page.txt|2024-03-14",
            "dumps/2024-03-01/2024-03-14-page.txt|2024-03-14",
            "dumps/2024_03_14.txt|2024-03-14",
            "dumps/news_418867_oil.txt|null",
            "dumps/2024-13-40/x.txt|null",
            "dumps/120240314/x.txt|null",
    })
    void readsTheDateOfAPath(String path, String iso) {
        assertThat(InputDates.fromPath(path) == null ? null : InputDates.fromPath(path).toString()).isEqualTo(iso);
    }
}
