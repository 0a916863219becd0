-- error_reason_of(j): the true reason in the JSON error body j (lib/payload reasonOf), read at
-- most four steps deep (reason_step): the first reason key of each object, the first item of each
-- list, JSON held in strings decoded; the deepest value reached is the reason (reason_text). Where
-- lib/payload tries a later key because an earlier one holds an object without words, this reads
-- that object's JSON text: error bodies keep their words in the first key they have.
array_join(transform(transform(sequence(1, 1), er_one -> {{reason_value(@j)}}), er_1 ->
  array_join(transform(transform(sequence(1, 1), er_one -> {{reason_step(er_1)}}), er_2 ->
    array_join(transform(transform(sequence(1, 1), er_one -> {{reason_step(er_2)}}), er_3 ->
      array_join(transform(transform(sequence(1, 1), er_one -> coalesce({{reason_step(er_3)}}, er_3, er_2, er_1)), er_r -> {{reason_text(er_r)}}), '')), '')), '')), '')
