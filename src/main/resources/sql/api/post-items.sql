-- The items of a carousel, in carousel order.
SELECT * FROM post_item WHERE post_id = :postId ORDER BY position
