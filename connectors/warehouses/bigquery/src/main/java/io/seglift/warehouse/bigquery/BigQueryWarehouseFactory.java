package io.seglift.warehouse.bigquery;

import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQueryOptions;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.WarehouseException;
import io.seglift.spi.warehouse.WarehouseFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code warehouse: {type: bigquery, project: my-project, dataset: analytics, location: EU,
 * credentials_file: ${env:GOOGLE_APPLICATION_CREDENTIALS}}}. Without {@code credentials_file} the client uses
 * Google's application default credentials. {@code endpoint} replaces the API host (tests, private endpoints); with
 * an {@code http://127.0.0.1} endpoint and no credentials file no credentials are sent at all.
 */
public final class BigQueryWarehouseFactory implements WarehouseFactory {
    /** Most rows a bulk writer sends as one DML INSERT; a larger write becomes one load job (see BigQueryBulkWriter). */
    public static final int DML_INSERT_ROWS = 1_000;

    @Override
    public String type() {
        return "bigquery";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(
                ConfigKey.required("project", ConfigKey.Type.STRING, "Google Cloud project id that runs the queries"),
                ConfigKey.required("dataset", ConfigKey.Type.STRING,
                        "default dataset: unqualified table names in the project file resolve here"),
                ConfigKey.optional("location", ConfigKey.Type.STRING, null, "BigQuery location, e.g. US, EU"),
                ConfigKey.optional("credentials_file", ConfigKey.Type.STRING, null,
                        "service-account JSON key file; default: application default credentials"),
                ConfigKey.optional("endpoint", ConfigKey.Type.URL, null,
                        "overrides the API host, e.g. http://127.0.0.1:9050 for a test server"));
    }

    @Override
    public Warehouse open(Settings settings, Path projectDir, String schema) {
        BigQueryOptions.Builder b = BigQueryOptions.newBuilder().setProjectId(settings.requireString("project"));
        settings.string("location").ifPresent(b::setLocation);
        String endpoint = settings.string("endpoint").orElse(null);
        if (endpoint != null) {
            b.setHost(endpoint);
        }
        Path credentials = settings.string("credentials_file").map(projectDir::resolve).orElse(null);
        if (credentials != null) {
            b.setCredentials(readCredentials(credentials));
        } else if (endpoint != null && isLoopback(endpoint)) {
            b.setCredentials(NoCredentials.getInstance());
        }
        return open(b.build(), settings.requireString("dataset"), schema);
    }

    /** Opens a warehouse on prepared client options; used by tests (loopback host, fast retries) and tools. */
    public static BigQueryWarehouse open(BigQueryOptions options, String dataset, String schema) {
        return open(options, dataset, schema, io.seglift.spi.time.Sleeper.SYSTEM);
    }

    /** Like {@link #open(BigQueryOptions, String, String)} with the sleeper that paces read retries. */
    public static BigQueryWarehouse open(BigQueryOptions options, String dataset, String schema,
                                         io.seglift.spi.time.Sleeper sleeper) {
        return open(options, dataset, schema, sleeper, DML_INSERT_ROWS);
    }

    /** Like {@link #open(BigQueryOptions, String, String, io.seglift.spi.time.Sleeper)} with the DML-insert bound. */
    static BigQueryWarehouse open(BigQueryOptions options, String dataset, String schema,
                                  io.seglift.spi.time.Sleeper sleeper, int dmlInsertRows) {
        return new BigQueryWarehouse(options.getService(), options.getProjectId(), dataset, schema, dmlInsertRows,
                new ReadRetry(ReadRetry.ATTEMPTS, java.time.Duration.ofSeconds(1), sleeper));
    }

    /** Client options for a test server on loopback: no credentials, the given retry policy. */
    public static BigQueryOptions loopbackOptions(String endpoint, String project, RetrySettings retry) {
        if (!isLoopback(endpoint)) {
            throw new WarehouseException("endpoint " + endpoint + " is not a loopback address");
        }
        return BigQueryOptions.newBuilder().setProjectId(project).setHost(endpoint)
                .setCredentials(NoCredentials.getInstance()).setRetrySettings(retry).build();
    }

    static boolean isLoopback(String endpoint) {
        return endpoint.matches("https?://(127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1\\])(:\\d+)?/?");
    }

    private static GoogleCredentials readCredentials(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new WarehouseException("warehouse.credentials_file: " + file + " does not exist (a service-account "
                    + "JSON key file is expected)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return GoogleCredentials.fromStream(in)
                    .createScoped("https://www.googleapis.com/auth/bigquery");
        } catch (IOException e) {
            throw new WarehouseException("warehouse.credentials_file: " + file + " is not a Google credentials JSON "
                    + "file: " + e.getMessage(), e);
        }
    }
}
