-- list_size(a): how many items the list a holds; 0 when it is NULL (Databricks' size(NULL) is
-- NULL or -1, by setting).
CASE WHEN @a IS NULL THEN 0 ELSE size(@a) END
