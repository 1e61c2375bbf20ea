package io.seglift.cli.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** A JSON array of row objects (column name to value), streamed row by row. */
public final class JsonResultWriter implements ResultWriter {
    private final JsonGenerator json;
    private List<String> names = List.of();

    public JsonResultWriter(Writer out) {
        try {
            this.json = new JsonFactory().createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void columns(List<String> names) {
        this.names = List.copyOf(names);
        try {
            json.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(Object[] values) {
        try {
            json.writeRaw('\n');
            json.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                json.writeFieldName(names.get(i));
                write(Cells.json(values[i]));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Object v) throws IOException {
        if (v == null) json.writeNull();
        else if (v instanceof Boolean b) json.writeBoolean(b);
        else if (v instanceof Double d) json.writeNumber(d);
        else if (v instanceof Float f) json.writeNumber(f);
        else if (v instanceof BigDecimal b) json.writeNumber(b);
        else if (v instanceof BigInteger b) json.writeNumber(b);
        else if (v instanceof Number n) json.writeNumber(n.longValue());
        else json.writeString(v.toString());
    }

    @Override
    public void finish(boolean truncated) {
        try {
            json.writeRaw('\n');
            json.writeEndArray();
            json.writeRaw('\n');
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
