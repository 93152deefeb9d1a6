-- examples/junggu2015.sql: Seoul Jung-gu's 2015 creative-knowledge learning
-- clubs (창의지식 학습동아리), a made-up but complete year. Built by `make examples`
-- into examples/junggu2015.db (run from examples/, extension loaded); deterministic.
--
-- What is in it (rule ids from DOMAIN.md):
--   JG1  one program, run by 기획예산과 from February 2015 to December.
--   JG2  13 clubs, 136 members: 11 bureau clubs (국·소별) with 112 members in the
--        six bureaus named in the plan's approval line, 2 integrated clubs
--        (구청·보건소 통합) with 24. All names are made up (the plan's appendix 3 is
--        not in the document). 푸른공원모임 withdrew on 2015-10-31 (D6).
--   JG5  a regular meeting a month, March to December (2 to 4 hours); 깨끗한중구
--        held none in August, 중구미래포럼 none in November; a few extra meetings.
--   JG6  monthly reports on the board by their due date (report_due()), except:
--        late  민원혁신모임 2015-05 (+3 days), 안전도시연구회 2015-08 (+1), 세입발굴단 2015-10 (+2);
--        missing  교통편의모임 2015-05, 깨끗한중구 2015-08, 중구미래포럼 2015-11.
--        `learnclub monthly-check DB 2015-05` shows one late and one missing.
--   JG7  research reports in July and December (복지나눔연구회 H1 late: 2015-08-03).
--   JG8  five judges, two criteria (추진실적, 성과; tie-break 성과, KR7). A club's
--        trimmed mean is its base score exactly. H1: 열린행정연구회 and 건강도시연구회
--        tie at 88.00 for 3rd place, across 우수's last place (D3): not awarded until
--        the committee decides. H2: a tie inside 장려 (both awarded).
--   JG9  hours: 4 regular meetings in H1, 6 in H2; 3- and 4-hour clubs pass the cap of 12.
--   JG10 nominations for H1 and H2, with one from a club without an award and one
--        of a non-member in H2 (reported by `learnclub incentives`).
--   JG12 books in April, advisory allowances for some clubs in May and October.
.read ../sql/schema.sql
.read ../sql/rules.sql

INSERT INTO program(id, code, name, office, starts_on, ends_on, reports_from, reports_to,
                    report_rule, award_scheme, hours_cap, judges_min, drop_high, drop_low, tie_break)
VALUES (1, 'junggu-2015', '2015 창의지식 학습동아리', '기획예산과', '2015-02-01', '2015-12-31',
        '2015-03', '2015-12', '', 'junggu-2015', 12, 5, 1, 1, '성과');

INSERT INTO bureau(id, name) VALUES
  (1, '기획재정국'), (2, '행정관리국'), (3, '복지환경국'), (4, '도시관리국'), (5, '안전건설국'), (6, '보건소');

INSERT INTO unit(id, name, bureau_id) VALUES
  (1, '기획예산과', 1), (2, '재무과', 1), (3, '세무1과', 1),
  (4, '총무과', 2), (5, '자치행정과', 2), (6, '민원여권과', 2),
  (7, '사회복지과', 3), (8, '어르신장애인과', 3), (9, '청소행정과', 3),
  (10, '도시관리과', 4), (11, '교통행정과', 4), (12, '주택과', 4),
  (13, '건설관리과', 5), (14, '치수과', 5), (15, '공원녹지과', 5),
  (16, '보건행정과', 6), (17, '건강증진과', 6);

-- The clubs, with what the generator below needs: size, meeting hours, and the
-- base score of each half (NULL: not evaluated).
CREATE TEMP TABLE ex_club(id, name, kind, bureau_id, size, hours, h1, h2);
INSERT INTO ex_club VALUES
  (1, '예산지킴이', 'bureau', 1, 10, 3, 86, 90),
  (2, '세입발굴단', 'bureau', 1, 10, 2, 84, 85),
  (3, '열린행정연구회', 'bureau', 2, 11, 3, 88, 87),
  (4, '민원혁신모임', 'bureau', 2, 10, 2, 83, 83),
  (5, '복지나눔연구회', 'bureau', 3, 10, 2, 85, 87),
  (6, '깨끗한중구', 'bureau', 3, 10, 2, 82, 80),
  (7, '도시재생연구회', 'bureau', 4, 11, 3, 92, 89),
  (8, '교통편의모임', 'bureau', 4, 10, 2, 81, 81),
  (9, '안전도시연구회', 'bureau', 5, 10, 2, 80, 82),
  (10, '푸른공원모임', 'bureau', 5, 10, 2, 79, NULL),
  (11, '건강도시연구회', 'bureau', 6, 10, 2, 88, 84),
  (12, '창의아이디어뱅크', 'integrated', NULL, 12, 4, 90, 93),
  (13, '중구미래포럼', 'integrated', NULL, 12, 2, 78, 79);

INSERT INTO club(id, program_id, name, kind, bureau_id, status, withdrawn_on)
SELECT id, 1, name, kind, bureau_id,
       CASE id WHEN 10 THEN 'withdrawn' ELSE 'active' END,
       CASE id WHEN 10 THEN '2015-10-31' END
FROM ex_club ORDER BY id;

-- Seats: person ids 1..136 in club order; seat 1 is the president.
CREATE TEMP TABLE ex_seat AS
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 12)
SELECT c.id AS club_id, n.k AS seat,
       (SELECT coalesce(sum(x.size), 0) FROM ex_club x WHERE x.id < c.id) + n.k AS person_id
FROM ex_club c JOIN n ON n.k <= c.size;

-- People: made-up names; a bureau club's members come from its bureau's units,
-- an integrated club's from all over the office and the health centre.
INSERT INTO person(id, emp_no, name, unit_id)
SELECT s.person_id,
       printf('%07d', 1500000 + s.person_id * 37),
       substr('김이박최정강조윤장임한오서신권황안송류홍', (s.person_id * 7) % 20 + 1, 1)
         || substr('민서지수현영준하은도', (s.person_id * 3) % 10 + 1, 1)
         || substr('호수아진우연희빈결솔', (s.person_id * s.person_id + s.person_id / 10) % 10 + 1, 1),
       CASE WHEN c.bureau_id IS NULL THEN (s.seat * 5 + c.id) % 17 + 1
            ELSE (SELECT min(u.id) FROM unit u WHERE u.bureau_id = c.bureau_id)
                 + s.seat % (SELECT count(*) FROM unit u WHERE u.bureau_id = c.bureau_id) END
FROM ex_seat s JOIN ex_club c ON c.id = s.club_id
ORDER BY s.person_id;

INSERT INTO membership(club_id, person_id, role, joined_on, left_on)
SELECT s.club_id, s.person_id, CASE s.seat WHEN 1 THEN 'president' ELSE 'member' END, '2015-02-16',
       CASE s.club_id WHEN 10 THEN '2015-10-31' END
FROM ex_seat s ORDER BY s.person_id;

-- Regular meetings, March to December (JG5), with the gaps named above.
CREATE TEMP TABLE ex_month AS
WITH RECURSIVE m(n) AS (SELECT 3 UNION ALL SELECT n + 1 FROM m WHERE n < 12) SELECT n FROM m;

INSERT INTO meeting(club_id, held_on, hours, kind, topic)
SELECT c.id, printf('2015-%02d-%02d', m.n, 5 + (c.id * 3 + m.n * 2) % 18), c.hours, 'regular',
       CASE WHEN m.n = 3 THEN '연구과제 선정'
            WHEN m.n IN (6, 12) THEN '연구 성과보고서 준비'
            ELSE m.n || '월 정기모임: 자료 발표와 토론' END
FROM ex_club c CROSS JOIN ex_month m
WHERE NOT (c.id = 6 AND m.n = 8) AND NOT (c.id = 13 AND m.n = 11) AND NOT (c.id = 10 AND m.n > 10)
ORDER BY m.n, c.id;

INSERT INTO meeting(club_id, held_on, hours, kind, topic)
SELECT c.id, printf('2015-%02d-25', m.n), 2, 'extra', '현장 방문'
FROM ex_club c CROSS JOIN (SELECT 6 AS n UNION ALL SELECT 11) m
WHERE c.id IN (1, 7, 12)
ORDER BY m.n, c.id;

-- Attendance: presidents always; members about four times in five.
INSERT INTO attendance(meeting_id, person_id)
SELECT mt.id, s.person_id
FROM meeting mt JOIN ex_seat s ON s.club_id = mt.club_id
WHERE CASE mt.kind
        WHEN 'regular' THEN s.seat = 1 OR (s.seat * 7 + CAST(substr(mt.held_on, 6, 2) AS INTEGER) * 3 + mt.club_id) % 10 < 8
        ELSE s.seat % 2 = 1 END
ORDER BY mt.id, s.person_id;

-- Monthly activity reports (JG6): by the due date, or late or missing as listed.
CREATE TEMP TABLE ex_late(club_id, period, days);
INSERT INTO ex_late VALUES (4, '2015-05', 3), (9, '2015-08', 1), (2, '2015-10', 2);
CREATE TEMP TABLE ex_missing(club_id, period);
INSERT INTO ex_missing VALUES (8, '2015-05'), (6, '2015-08'), (13, '2015-11');

INSERT INTO report(club_id, kind, period, submitted_at, board_ref, title)
SELECT c.id, 'monthly', p.period,
       date(report_due(p.period), coalesce('+' || l.days, '-' || ((c.id + m.n) % 4)) || ' days')
         || printf(' %02d:%02d', 9 + (c.id * 13 + m.n) % 9, (c.id * 7 + m.n * 11) % 60),
       printf('학습동아리-%d', 1000 + m.n * 20 + c.id),
       c.name || ' ' || m.n || '월 활동보고서'
FROM ex_club c CROSS JOIN ex_month m
JOIN (SELECT n, printf('2015-%02d', n) AS period FROM ex_month) p ON p.n = m.n
LEFT JOIN ex_late l ON l.club_id = c.id AND l.period = p.period
WHERE NOT EXISTS (SELECT 1 FROM ex_missing x WHERE x.club_id = c.id AND x.period = p.period)
  AND NOT (c.id = 10 AND m.n >= 10)
ORDER BY m.n, c.id;

-- Research result reports (JG7).
INSERT INTO report(club_id, kind, period, submitted_at, board_ref, title)
SELECT id, 'research', '2015-H1',
       CASE id WHEN 5 THEN '2015-08-03 10:00' ELSE printf('2015-07-%02d 17:30', 10 + id) END,
       printf('성과보고-1%02d', id), name || ' 상반기 연구 성과보고서'
FROM ex_club ORDER BY id;
INSERT INTO report(club_id, kind, period, submitted_at, board_ref, title)
SELECT id, 'research', '2015-H2', printf('2015-12-%02d 16:00', 14 + id),
       printf('성과보고-2%02d', id), name || ' 하반기 연구 성과보고서'
FROM ex_club WHERE h2 IS NOT NULL ORDER BY id;

-- Judges' scores (JG8, KR7): judge j gives base + one of (+3, +1, 0, -1, -4),
-- so dropping the highest and the lowest leaves the base as the mean; 성과 is
-- half the total (rounded down), 추진실적 the rest.
CREATE TEMP TABLE ex_judge(j, name);
INSERT INTO ex_judge VALUES (0, '심사위원1'), (1, '심사위원2'), (2, '심사위원3'), (3, '심사위원4'), (4, '심사위원5');
CREATE TEMP TABLE ex_total AS
SELECT c.id AS club_id, h.period, jd.name AS judge,
       h.base + CASE (jd.j + c.id) % 5 WHEN 0 THEN 3 WHEN 1 THEN 1 WHEN 2 THEN 0 WHEN 3 THEN -1 ELSE -4 END AS total
FROM ex_club c
JOIN (SELECT id, '2015-H1' AS period, h1 AS base FROM ex_club
      UNION ALL SELECT id, '2015-H2', h2 FROM ex_club) h ON h.id = c.id AND h.base IS NOT NULL
CROSS JOIN ex_judge jd;
INSERT INTO score(club_id, period, judge, criterion, points)
SELECT club_id, period, judge, '추진실적', total - total / 2 FROM ex_total
UNION ALL
SELECT club_id, period, judge, '성과', total / 2 FROM ex_total
ORDER BY 2, 1, 3, 4;

-- Nominations of top contributors by each president (JG10).
INSERT INTO nomination(club_id, period, person_id, note)
SELECT s.club_id, n.column2, s.person_id, n.column4
FROM (VALUES (7, '2015-H1', 1, '연구 총괄'), (7, '2015-H1', 2, '현장 조사'),
             (12, '2015-H1', 1, '연구 총괄'), (12, '2015-H1', 3, '설문 분석'),
             (3, '2015-H1', 2, '보고서 작성'),
             (12, '2015-H2', 1, '연구 총괄'), (12, '2015-H2', 2, '정책 제안'),
             (1, '2015-H2', 1, '연구 총괄'),
             (7, '2015-H2', 2, '현장 조사'), (7, '2015-H2', 4, '자료 분석'),
             (9, '2015-H2', 1, '연구 총괄')) n
JOIN ex_seat s ON s.club_id = n.column1 AND s.seat = n.column3
ORDER BY 1, 2, 3;
-- and one of a non-member: 예산지킴이's president names a 세입발굴단 member
INSERT INTO nomination(club_id, period, person_id, note)
SELECT 1, '2015-H2', person_id, '공동 연구' FROM ex_seat WHERE club_id = 2 AND seat = 5;

-- Support spending (JG12): books for every club in April, advisory allowances
-- (150,000 KRW a session) for every third club in May and October.
INSERT INTO expense(club_id, spent_on, kind, amount, note)
SELECT id, printf('2015-04-%02d', 6 + id), 'books', 50000 + (id * 13 % 8) * 10000, name || ' 연구과제 도서 구입'
FROM ex_club ORDER BY id;
INSERT INTO expense(club_id, spent_on, kind, amount, note)
SELECT c.id, d.day, 'advisory', 150000, c.name || ' 외부 자문 수당'
FROM ex_club c CROSS JOIN (SELECT '2015-05-20' AS day UNION ALL SELECT '2015-10-21') d
WHERE c.id % 3 = 0 AND NOT (c.id = 10 AND d.day > '2015-10-31')
ORDER BY d.day, c.id;
