package ca.eeradar.crs;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable copy of a list as given (nulls kept), which reads, compares and serializes as that
 * list: what a {@link Profile} keeps of its lists, so that a profile built once can be decoded and
 * scored on any number of dates without anyone changing it in between.
 */
final class Snapshot<T> extends AbstractList<T> implements RandomAccess {
    private final Object[] items;

    private Snapshot(List<T> list) {
        items = list.toArray();
    }

    /** The snapshot of {@code list}: itself if it is one already; null stays null. */
    static <T> List<T> of(List<T> list) {
        return list == null || list instanceof Snapshot ? list : new Snapshot<>(list);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        return (T) items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
