package org.circlekeeper.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.circlekeeper.core.ref.StoreKey;

/**
 * A {@link Stores.Maker} that finds a store's class by its name: an adapter names the class of each store port the same
 * way (Redis: {@code org.circlekeeper.redis.Redis<Port>}; the tests' in-memory stores:
 * {@code <port's package>.InMemory<Port>}), so a new feature's store class is found without a line that puts it in.
 * The class is made with the longest leading run of the adapter's arguments one of its constructors takes (for Redis,
 * {@code (connection, clock)}, {@code (connection)} or {@code ()}); a class that exists but cannot be made so, or is no
 * such store, fails loudly rather than leaving the store missing.
 */
public final class StoreClasses implements Stores.Maker {

    private final Function<StoreKey<?>, String> className;
    private final List<Object> arguments;

    private StoreClasses(Function<StoreKey<?>, String> className, List<Object> arguments) {
        this.className = className;
        this.arguments = arguments;
    }

    /**
     * Stores whose class is {@code className(key)}, made from {@code arguments} (or a leading part of them).
     *
     * @param arguments what the adapter's stores are made from, most needed first
     */
    public static StoreClasses named(Function<StoreKey<?>, String> className, Object... arguments) {
        return new StoreClasses(Objects.requireNonNull(className, "className"),
                Arrays.stream(arguments).map(a -> Objects.requireNonNull(a, "argument")).toList());
    }

    @Override
    public Optional<Object> make(StoreKey<?> key) {
        String name = className.apply(key);
        Class<?> type;
        try {
            type = Class.forName(name, true, loader(key));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        if (!key.type().isAssignableFrom(type)) {
            throw new IllegalStateException(name + " is named as the store " + key + " but is no " + key.type().getName());
        }
        for (int count = arguments.size(); count >= 0; count--) {
            Optional<Constructor<?>> constructor = taking(type, arguments.subList(0, count));
            if (constructor.isPresent()) {
                return Optional.of(make(constructor.get(), arguments.subList(0, count), key));
            }
        }
        throw new IllegalStateException(name + " (the store " + key + ") has no constructor taking "
                + arguments.stream().map(a -> a.getClass().getSimpleName()).toList() + " or a leading part of it");
    }

    @Override
    public String lookedFor(StoreKey<?> key) {
        return "; no class " + className.apply(key) + " was found to make it";
    }

    private static ClassLoader loader(StoreKey<?> key) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : key.type().getClassLoader();
    }

    private static Optional<Constructor<?>> taking(Class<?> type, List<Object> arguments) {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length != arguments.size()) {
                continue;
            }
            boolean fits = true;
            for (int i = 0; i < parameters.length && fits; i++) {
                fits = parameters[i].isInstance(arguments.get(i));
            }
            if (fits) {
                return Optional.of(constructor);
            }
        }
        return Optional.empty();
    }

    private static Object make(Constructor<?> constructor, List<Object> arguments, StoreKey<?> key) {
        try {
            // store classes are package-private in their adapter, as every store class there is
            constructor.setAccessible(true);
            return constructor.newInstance(arguments.toArray());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the store " + key + " could not be made", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the store " + key + " could not be made", e);
        }
    }
}
