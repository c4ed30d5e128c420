package io.archivebatch.core;

import io.archivebatch.core.extract.DateParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DateParserTest {

    private final DateParser parser = new DateParser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(Last Updated On: October 9, 2018)|2018-10-09",
            "Published: Jun 25, 2025|2025-06-25",
            "Updated Dec. 16, 2025|2025-12-16",
            "Published on May 02, 2024 07:44 PM IST|2024-05-02",
            "Posted on 3rd March 2024|2024-03-03",
            "2018-10-09T12:30:00Z|2018-10-09",
            "2018/10/09|2018-10-09",
            "Veröffentlicht am 9. Oktober 2018|2018-10-09",
            "Publié le 9 octobre 2018|2018-10-09",
            "Publicado el 9 de octubre de 2018|2018-10-09",
            "09.10.2018 um 12:00|2018-10-09",
            "10/09/2018|2018-10-09",
            "25/12/2019|2019-12-25",
            "August 25, 2025 15 min|2025-08-25",
            "Sunday, 20181009 edition|2018-10-09",
            "Posted on 3 March 1999|1999-03-03",
            "1999-12-31|1999-12-31",
    })
    void readsTheDateSpellingsOfNewsSites(String text, String iso) {
        assertThat(parser.parse(text)).isEqualTo(iso);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"no date here", "February 30, 2020", "Call 555-1234", "Top 10 of 2025",
            "10:30 · 5 comments · 3 shares", "9 October ٢٠١٨ (a year in Arabic-Indic digits)", "March 3, 2120"})
    void answersNullWithoutAPlausibleDate(String text) {
        assertThat(parser.parse(text)).isNull();
    }
}
