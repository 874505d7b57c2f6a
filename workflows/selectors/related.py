"""Many-to-many objects of many rows at once, without building one object per link (see ``attach_related``)."""


def related_of(instance, name: str) -> list:
    attached = getattr(instance, "_attached_related", {})
    return attached[name] if name in attached else list(getattr(instance, name).all())


def attach_related(rows, names) -> None:
    """Give each of ``rows`` the objects of its many-to-many fields ``names`` (read by ``related_of``), in two
    queries per field whatever the rows: the links, then the few distinct objects they point to, each built
    once (a prefetch builds one object per link, which for Wagtail pages is most of a long export's time)."""
    rows = list(rows)
    if not rows:
        return
    model = type(rows[0])
    for row in rows:
        row.__dict__.setdefault("_attached_related", {})
    for name in names:
        field = model._meta.get_field(name)
        own, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        links = list(
            field.remote_field.through._default_manager.filter(**{f"{own}__in": [row.pk for row in rows]})
            .order_by()
            .values_list(own, target)
        )
        related = field.related_model._default_manager.filter(pk__in={target_id for _own, target_id in links})
        order = {item.pk: (position, item) for position, item in enumerate(related)}
        by_row: dict[int, list] = {}
        for own_id, target_id in links:
            if target_id in order:
                by_row.setdefault(own_id, []).append(order[target_id])
        for row in rows:
            row._attached_related[name] = [item for _position, item in sorted(by_row.get(row.pk, []), key=_first)]


def _first(pair):
    return pair[0]
