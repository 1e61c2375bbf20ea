package io.seglift.warehouse.bigquery;

import com.google.cloud.NoCredentials;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.WarehouseException;
import io.seglift.spi.warehouse.WarehouseFactory;
import io.seglift.spi.warehouse.Warehouses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BigQueryWarehouseFactoryTest {

    @Test
    void theFactoryIsFoundByServiceLoaderWithTheProjectFileKeys() {
        WarehouseFactory f = Warehouses.discover().find("bigquery").orElseThrow();
        assertThat(f).isInstanceOf(BigQueryWarehouseFactory.class);
        assertThat(f.configSpec().keys()).extracting(ConfigKey::name)
                .containsExactly("project", "dataset", "location", "credentials_file", "endpoint");
        assertThat(f.configSpec().keys()).filteredOn(ConfigKey::required).extracting(ConfigKey::name)
                .containsExactly("project", "dataset");
    }

    @Test
    void aLoopbackEndpointSendsNoCredentialsAndKeepsTheProjectAndLocation(@TempDir Path dir) {
        BigQueryWarehouse w = (BigQueryWarehouse) new BigQueryWarehouseFactory().open(new Settings("warehouse",
                "bigquery", Map.of("project", "p1", "dataset", "shop", "location", "EU",
                "endpoint", "http://127.0.0.1:9")), dir, "seglift");
        assertThat(w.client().getOptions().getCredentials()).isSameAs(NoCredentials.getInstance());
        assertThat(w.client().getOptions().getProjectId()).isEqualTo("p1");
        assertThat(w.client().getOptions().getLocation()).isEqualTo("EU");
        assertThat(w.client().getOptions().getHost()).isEqualTo("http://127.0.0.1:9");
        assertThat(w.schema()).isEqualTo("seglift");
        assertThat(w.tableId(w.own("runs")).getDataset()).isEqualTo("seglift");
        assertThat(w.tableId(io.seglift.spi.warehouse.TableName.parse("orders", "t")).getDataset()).isEqualTo("shop");
    }

    @Test
    void aMissingOrBrokenCredentialsFileIsNamed(@TempDir Path dir) throws Exception {
        Map<String, Object> base = Map.of("project", "p1", "dataset", "shop", "credentials_file", "key.json");
        Settings settings = new Settings("warehouse", "bigquery", base);
        assertThatThrownBy(() -> new BigQueryWarehouseFactory().open(settings, dir, "seglift"))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("credentials_file").hasMessageContaining("key.json");
        Files.writeString(dir.resolve("key.json"), "{\"type\":\"nonsense\"}");
        assertThatThrownBy(() -> new BigQueryWarehouseFactory().open(settings, dir, "seglift"))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("not a Google credentials JSON");
    }

    @Test
    void testOptionsRefuseAnythingButLoopback() {
        assertThat(BigQueryWarehouseFactory.isLoopback("http://127.0.0.1:9050")).isTrue();
        assertThat(BigQueryWarehouseFactory.isLoopback("http://[::1]:9050")).isTrue();
        assertThat(BigQueryWarehouseFactory.isLoopback("https://bigquery.googleapis.com")).isFalse();
        assertThat(BigQueryWarehouseFactory.isLoopback("http://169.254.169.254")).isFalse();
        assertThat(BigQueryWarehouseFactory.isLoopback("http://127.0.0.1.evil.example")).isFalse();
    }

    /** The surefire configuration turns off the auth library's GCE metadata-server probe in every test JVM. */
    @Test
    void theMetadataServerProbeIsOffInTestJvms() {
        assertThat(System.getenv("NO_GCE_CHECK")).isEqualTo("true");
    }
}
