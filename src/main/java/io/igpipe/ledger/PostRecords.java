package io.igpipe.ledger;

import java.util.List;

import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.namedparam.BeanPropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inserts posts with their carousel items, and reads and writes items. A post and its items are recorded in one
 * transaction, so the dispatcher never claims a carousel whose items are only partly there.
 */
@Component("postRecords")
public class PostRecords {

    private static final BeanPropertyRowMapper<PostItem> ITEM_ROWS = BeanPropertyRowMapper.newInstance(PostItem.class);

    private final NamedParameterJdbcTemplate jdbc;

    public PostRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new post; a second live post of the same content or Idempotency-Key fails with DuplicateKeyException. */
    @Transactional
    public void insert(Post post) {
        jdbc.update(SqlFiles.load("insert-post.sql"), new BeanPropertySqlParameterSource(post));
        for (PostItem item : post.getItems()) {
            item.setPostId(post.getId());
            jdbc.update(SqlFiles.load("item/insert-item.sql"), new BeanPropertySqlParameterSource(item));
        }
    }

    public List<PostItem> itemsOf(Post post) {
        return jdbc.query(SqlFiles.load("item/items-of-post.sql"),
                new MapSqlParameterSource("postId", post.getId()), ITEM_ROWS);
    }

    public void save(PostItem item) {
        jdbc.update(SqlFiles.load("item/save-item.sql"), new BeanPropertySqlParameterSource(item));
    }
}
