package io.seglift.toolkit.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseUrlTest {

    @Test
    void joinsWithExactlyOneSlashWhateverTheUserWrote() {
        assertThat(BaseUrl.parse("base_url", "http://127.0.0.1:8080//").resolve("/api/lists").toString())
                .isEqualTo("http://127.0.0.1:8080/api/lists");
        assertThat(BaseUrl.parse("base_url", "https://example.test/hooks/").resolve("batches?x=1").toString())
                .isEqualTo("https://example.test/hooks/batches?x=1");
        assertThat(BaseUrl.parse("base_url", "http://127.0.0.1:1").resolve("").toString()).isEqualTo("http://127.0.0.1:1");
    }

    @Test
    void refusesOtherSchemesMissingHostsAndQueriesNamingTheKey() {
        assertThatThrownBy(() -> BaseUrl.parse("destinations.crm.base_url", "ftp://127.0.0.1"))
                .hasMessageContaining("destinations.crm.base_url").hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> BaseUrl.parse("base_url", "127.0.0.1:8080")).hasMessageContaining("http://");
        assertThatThrownBy(() -> BaseUrl.parse("base_url", "http:///path")).hasMessageContaining("no host");
        assertThatThrownBy(() -> BaseUrl.parse("base_url", "http://h.test/?a=b")).hasMessageContaining("query");
    }
}
