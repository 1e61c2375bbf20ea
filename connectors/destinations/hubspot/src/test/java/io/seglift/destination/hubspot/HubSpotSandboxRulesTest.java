package io.seglift.destination.hubspot;

import io.seglift.destination.hubspot.sandbox.HubSpotSandboxApi;
import io.seglift.sandbox.SandboxRequest;
import io.seglift.sandbox.SandboxResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox rejects what HubSpot's spec collection says HubSpot rejects. */
class HubSpotSandboxRulesTest {
    private final HubSpotSandboxApi api = new HubSpotSandboxApi();

    private SandboxResponse call(String method, String path, String body) {
        return api.handle(new SandboxRequest(method, path, Map.of(), Map.of("authorization", "Bearer k"), body), false, () -> false);
    }

    @Test
    void batchEndpointsTakeAtMostOneHundredInputs() {
        String inputs = IntStream.range(0, 101).mapToObj(i -> "{\"id\":\"u" + i + "@example.com\",\"idProperty\":\"email\",\"properties\":{}}")
                .collect(Collectors.joining(",", "{\"inputs\":[", "]}"));
        assertThat(call("POST", "/crm/objects/2026-09/contacts/batch/upsert", inputs).status()).isEqualTo(400);
        assertThat(call("POST", "/crm/objects/2026-09/contacts/batch/read", inputs.replace("{\"inputs\"", "{\"properties\":[],\"inputs\"")).status()).isEqualTo(400);
    }

    @Test
    void membershipChangesTakeAtMostFiveHundredIds() {
        call("POST", "/crm/objects/2026-09/contacts/batch/upsert", "{\"inputs\":[{\"id\":\"a@example.com\",\"idProperty\":\"email\",\"properties\":{}}]}");
        String listId = api.handle(new SandboxRequest("POST", "/crm/lists/2026-09", Map.of(), Map.of("authorization", "Bearer k"),
                "{\"name\":\"L\",\"objectTypeId\":\"0-1\",\"processingType\":\"MANUAL\"}"), false, () -> false).body().replaceAll(".*\"listId\":\"([0-9]+)\".*", "$1");
        String ids500 = IntStream.range(0, 500).mapToObj(i -> "\"" + (5000 + i) + "\"").collect(Collectors.joining(",", "[", "]"));
        String ids501 = IntStream.range(0, 501).mapToObj(i -> "\"" + (5000 + i) + "\"").collect(Collectors.joining(",", "[", "]"));
        for (String action : new String[] {"add", "remove"}) {
            assertThat(call("PUT", "/crm/lists/2026-09/" + listId + "/memberships/" + action, ids500).status()).isEqualTo(200);
            SandboxResponse refused = call("PUT", "/crm/lists/2026-09/" + listId + "/memberships/" + action, ids501);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("At most 500 record ids");
        }
    }

    @Test
    void requiredFieldsAreRequired() {
        assertThat(call("POST", "/crm/objects/2026-09/contacts/batch/upsert", "{\"inputs\":[{\"idProperty\":\"email\",\"properties\":{}}]}").status()).isEqualTo(400);
        assertThat(call("POST", "/crm/lists/2026-09", "{\"name\":\"x\",\"objectTypeId\":\"0-1\"}").status()).isEqualTo(400);
        assertThat(call("POST", "/crm/properties/2026-09/contacts", "{\"name\":\"seglift_x\",\"type\":\"string\",\"fieldType\":\"text\",\"groupName\":\"contactinformation\"}").status())
                .as("label is required").isEqualTo(400);
        assertThat(call("POST", "/crm/properties/2026-09/contacts", "{\"name\":\"seglift_x\",\"label\":\"X\",\"type\":\"string\",\"fieldType\":\"text\",\"groupName\":\"seglift\"}").status())
                .as("the group must exist").isEqualTo(400);
        assertThat(call("POST", "/crm/properties/2026-09/contacts/groups", "{\"name\":\"seglift\"}").status()).isEqualTo(400);
    }

    @Test
    void unknownPropertiesFailTheirRow() {
        SandboxResponse r = call("POST", "/crm/objects/2026-09/contacts/batch/upsert",
                "{\"inputs\":[{\"id\":\"a@example.com\",\"idProperty\":\"email\",\"objectWriteTraceId\":\"c1\",\"properties\":{\"nope\":\"1\"}}]}");
        assertThat(r.status()).isEqualTo(207);
        assertThat(r.body()).contains("\"nope\\\" does not exist").contains("c1");
    }

    @Test
    void membershipAnswersUseTheSpecsFieldNames() {
        call("POST", "/crm/objects/2026-09/contacts/batch/upsert", "{\"inputs\":[{\"id\":\"a@example.com\",\"idProperty\":\"email\",\"properties\":{}}]}");
        String listId = api.handle(new SandboxRequest("POST", "/crm/lists/2026-09", Map.of(), Map.of("authorization", "Bearer k"),
                "{\"name\":\"L\",\"objectTypeId\":\"0-1\",\"processingType\":\"MANUAL\"}"), false, () -> false).body().replaceAll(".*\"listId\":\"([0-9]+)\".*", "$1");
        String id = api.contact("a@example.com").orElseThrow().id();
        SandboxResponse added = call("PUT", "/crm/lists/2026-09/" + listId + "/memberships/add", "[\"" + id + "\"]");
        assertThat(added.body()).contains("\"recordsIdsAdded\":[\"" + id + "\"]", "\"recordIdsRemoved\":[]", "\"recordIdsMissing\":[]");
    }
}
