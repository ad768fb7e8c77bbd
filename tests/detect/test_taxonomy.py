from chatprobe.detect.taxonomy import taxonomy


def test_taxonomy_matches_domain():
    t = taxonomy()
    assert t.codes == ("race", "religion", "sex", "sexual_orientation", "gender_identity", "disability", "age",
                       "derogatory", "threat", "sexual", "pornographic_media")
    assert t.protected == t.codes[:7]
    assert t.response_codes == ("endorsement", "counter_speech")
    assert "pornographic_media" not in t.text_codes
    for c in t.categories:
        assert c.severity in (1, 2, 3) and c.description
        assert (c.protected_characteristic is not None) == c.discriminatory
    assert t.category("threat").severity == 3
