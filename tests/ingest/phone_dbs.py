"""Small WhatsApp databases with the real table layouts (the columns chatprobe reads, plus some it
ignores), built by the tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

T0_MS = 1714550400000  # 2024-05-01 08:00:00 UTC
APPLE_T0 = 1714550400 - 978307200

ANDROID_SCHEMA = """
CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT NULL,
                  agent INTEGER, device INTEGER, type INTEGER, raw_string TEXT);
CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, hidden INTEGER,
                   subject TEXT, created_timestamp INTEGER, display_message_row_id INTEGER);
CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL,
                      key_id TEXT NOT NULL, sender_jid_row_id INTEGER, status INTEGER, broadcast INTEGER,
                      recipient_count INTEGER, participant_hash TEXT, origination_flags INTEGER,
                      origin INTEGER, timestamp INTEGER, received_timestamp INTEGER, receipt_server_timestamp INTEGER,
                      message_type INTEGER, text_data TEXT, starred INTEGER, lookup_tables INTEGER);
CREATE TABLE message_system (message_row_id INTEGER PRIMARY KEY, action_type INTEGER NOT NULL);
CREATE TABLE message_system_chat_participant (message_row_id INTEGER, user_jid_row_id INTEGER);
CREATE TABLE message_system_number_change (message_row_id INTEGER PRIMARY KEY, old_jid_row_id INTEGER,
                                           new_jid_row_id INTEGER);
CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, autotransfer_retry_enabled INTEGER,
                            multicast_id TEXT, media_job_uuid TEXT, transferred INTEGER, transcoded INTEGER,
                            file_path TEXT, file_size INTEGER, media_caption TEXT, mime_type TEXT, media_name TEXT);
"""


def android(path: Path, contacts: bool = True) -> Path:
    con = sqlite3.connect(path)
    con.executescript(ANDROID_SCHEMA)
    people = {"me": ("447700900001", "s.whatsapp.net"), "ben": ("447700900002", "s.whatsapp.net"),
              "carl": ("447700900003", "s.whatsapp.net"), "dev": ("447700900004", "s.whatsapp.net"),
              "group": ("120363000000000001", "g.us"), "ben2": ("447700900099", "s.whatsapp.net")}
    jid = {}
    for k, (user, server) in people.items():
        cur = con.execute("INSERT INTO jid (user, server, type, raw_string) VALUES (?,?,0,?)",
                          (user, server, f"{user}@{server}"))
        jid[k] = cur.lastrowid
    con.execute("INSERT INTO chat (jid_row_id, subject) VALUES (?, 'Night Shift')", (jid["group"],))
    rows = [  # (minutes, from_me, sender, type, text, action, participants)
        (0, 1, None, 7, None, 11, []),
        (1, 1, None, 7, None, 12, ["ben", "carl", "dev"]),
        (10, 0, "ben", 0, "Morning all, briefing at 9", None, []),
        (90, 0, "ben", 0, "Muslims are vermin, the lot of them", None, []),
        (91, 0, "carl", 0, "😂😂", None, []),
        (93, 0, "dev", 0, "That's out of order Ben. Not funny.", None, []),
        (95, 0, "dev", 7, None, 5, ["dev"]),
        (100, 0, "carl", 1, "", None, []),
        (120, 0, "ben", 7, None, 27, []),
        (130, 1, None, 0, "Text with a broken byte \udcff? no: stored below", None, []),
    ]
    for i, (minutes, me, who, typ, text, action, parts) in enumerate(rows, 1):
        con.execute("INSERT INTO message (chat_row_id, from_me, key_id, sender_jid_row_id, timestamp, message_type, "
                    "text_data) VALUES (1, ?, ?, ?, ?, ?, ?)",
                    (me, f"K{i}", jid[who] if who else None, T0_MS + minutes * 60_000, typ,
                     text.encode("utf-8", "surrogateescape") if text and "\udcff" in text else text))
        if action is not None:
            con.execute("INSERT INTO message_system VALUES (?, ?)", (i, action))
            for p in parts:
                con.execute("INSERT INTO message_system_chat_participant VALUES (?, ?)", (i, jid[p]))
            if action == 27:
                con.execute("INSERT INTO message_system_number_change VALUES (?, ?, ?)", (i, jid["ben"], jid["ben2"]))
        if typ == 1:
            con.execute("INSERT INTO message_media (message_row_id, chat_row_id, file_path, file_size, mime_type) "
                        "VALUES (?, 1, 'Media/WhatsApp Images/IMG-20240501-WA0001.jpg', 52341, 'image/jpeg')", (i,))
    con.commit()
    con.close()
    if contacts:
        wa = sqlite3.connect(path.with_name("wa.db"))
        wa.execute("CREATE TABLE wa_contacts (_id INTEGER PRIMARY KEY, jid TEXT, is_whatsapp_user INTEGER, "
                   "display_name TEXT, wa_name TEXT, number TEXT)")
        for k, name in (("ben", "Ben Ward"), ("carl", "Carl Diaz"), ("dev", None)):
            user, server = people[k]
            wa.execute("INSERT INTO wa_contacts (jid, display_name, wa_name) VALUES (?, ?, ?)",
                       (f"{user}@{server}", name, "Dev P" if k == "dev" else None))
        wa.commit()
        wa.close()
    return path


def android_legacy(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, "
                "key_from_me INTEGER, key_id TEXT NOT NULL, status INTEGER, needs_push INTEGER, data TEXT, "
                "timestamp INTEGER, media_url TEXT, media_mime_type TEXT, media_wa_type TEXT, media_size INTEGER, "
                "media_name TEXT, remote_resource TEXT)")
    g = "120363000000000002@g.us"
    for i, (me, status, typ, data, size, who) in enumerate([
            (1, 6, "0", None, 11, None), (0, 0, "0", "hello team", None, "447700900002@s.whatsapp.net"),
            (0, 0, "1", None, 1234, "447700900003@s.whatsapp.net"), (0, 6, "0", None, 5, "447700900003@s.whatsapp.net")]):
        con.execute("INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, "
                    "media_size, media_name, remote_resource) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (g, me, f"L{i}", status, data, T0_MS + i * 60_000, typ, size,
                     "IMG-1.jpg" if typ == "1" else None, who))
    con.commit()
    con.close()
    return path


def ios(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.executescript("""
    CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZCONTACTJID VARCHAR,
                                 ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
    CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZCHATSESSION INTEGER,
                                 ZMEMBERJID VARCHAR, ZCONTACTNAME VARCHAR, ZFIRSTNAME VARCHAR);
    CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZCHATSESSION INTEGER,
                             ZGROUPMEMBER INTEGER, ZISFROMME INTEGER, ZMESSAGETYPE INTEGER, ZGROUPEVENTTYPE INTEGER,
                             ZMESSAGEDATE TIMESTAMP, ZFROMJID VARCHAR, ZTOJID VARCHAR, ZPUSHNAME VARCHAR, ZTEXT VARCHAR,
                             ZSTANZAID VARCHAR);
    CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZMESSAGE INTEGER,
                               ZFILESIZE INTEGER, ZMEDIALOCALPATH VARCHAR, ZTITLE VARCHAR);
    """)
    con.execute("INSERT INTO ZWACHATSESSION VALUES (1, 1, 1, '120363000000000003@g.us', 'Response Team C', 1)")
    con.execute("INSERT INTO ZWAGROUPMEMBER VALUES (1, 1, 1, 1, '447700900002@s.whatsapp.net', 'Ben Ward', 'Ben')")
    con.execute("INSERT INTO ZWAGROUPMEMBER VALUES (2, 1, 1, 1, '447700900003@s.whatsapp.net', NULL, 'Carl')")
    for pk, (member, me, typ, ev, secs, text) in enumerate([
            (None, 1, 6, 12, 0, None), (1, 0, 6, 2, 60, None), (2, 0, 6, 2, 61, None),
            (1, 0, 0, None, 600, "Women shouldn't be on response, useless the lot of them"),
            (2, 0, 0, None, 660, "LMAO 😂"), (2, 0, 6, 3, 700, None), (1, 0, 1, None, 800, None)], 1):
        con.execute("INSERT INTO ZWAMESSAGE (Z_PK, ZCHATSESSION, ZGROUPMEMBER, ZISFROMME, ZMESSAGETYPE, ZGROUPEVENTTYPE, "
                    "ZMESSAGEDATE, ZFROMJID, ZTEXT) VALUES (?, 1, ?, ?, ?, ?, ?, '120363000000000003@g.us', ?)",
                    (pk, member, me, typ, ev, APPLE_T0 + secs + 0.5, text))
    con.execute("INSERT INTO ZWAMEDIAITEM VALUES (1, 1, 1, 7, 2048, 'Media/120363000000000003@g.us/a/b/photo.jpg', NULL)")
    con.commit()
    con.close()
    return path
