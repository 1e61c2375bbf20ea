package io.seglift.scoring.propensity.score;

import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** A warehouse whose dialect declares a statement limit, recording the size of every statement it runs. */
public final class StatementLimit {
    private StatementLimit() {
    }

    /** {@code w} with {@link Dialect#maxStatementBytes()} = {@code bytes}; sizes of executed statements go to {@code seen}. */
    @SuppressWarnings("unchecked")
    public static Warehouse of(Warehouse w, int bytes, List<Integer> seen) {
        Dialect dialect = w.dialect();
        Dialect limited = (Dialect) Proxy.newProxyInstance(Dialect.class.getClassLoader(), new Class<?>[]{Dialect.class},
                (p, m, args) -> m.getName().equals("maxStatementBytes") ? bytes : call(m, dialect, args));
        Warehouse[] self = new Warehouse[1];
        self[0] = (Warehouse) Proxy.newProxyInstance(Warehouse.class.getClassLoader(), new Class<?>[]{Warehouse.class},
                (p, m, args) -> switch (m.getName()) {
                    case "dialect" -> limited;
                    case "execute", "query", "queryList" -> {
                        seen.add(((String) args[0]).getBytes(StandardCharsets.UTF_8).length);
                        yield call(m, w, args);
                    }
                    // the work sees the proxy, so statements inside transactions are recorded too
                    case "transaction" -> w.transaction(tx -> ((Function<Warehouse, ?>) args[0]).apply(self[0]));
                    case "inTransaction" -> w.transaction(tx -> {
                        ((Consumer<Warehouse>) args[0]).accept(self[0]);
                        return null;
                    });
                    default -> call(m, w, args);
                });
        return self[0];
    }

    private static Object call(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
