-- calendar.c C1–C8: rules at their edges. Rows: case, got, expected.
-- C6 examples from the issue
SELECT 'C6 2017-10-02 temporary holiday', is_working_day('2017-10-02'), 0;
SELECT 'C6 2021-12-27 no Christmas substitute before 2023', is_working_day('2021-12-27'), 1;
SELECT 'C6 2023-05-29 부처님오신날 substitute', is_working_day('2023-05-29'), 0;
SELECT 'C6 weekday', is_working_day('2015-03-04'), 1;
SELECT 'C6 Saturday', is_working_day('2015-03-07'), 0;
SELECT 'C6 Sunday', is_working_day('2015-03-08'), 0;
SELECT 'C6 timestamp uses Korean day', is_working_day('2015-03-06T15:00:00Z'), 0;
SELECT 'C6 NULL', is_working_day(NULL), NULL;
-- C1 range limits
SELECT 'C1 first covered day (Saturday, 신정)', is_working_day('2000-01-01'), 0;
SELECT 'C1 first working day', is_working_day('2000-01-03'), 1;
SELECT 'C1 last covered day (Saturday)', is_working_day('2050-12-30'), 1;
-- C2 fixed holidays as in force
SELECT 'C2 식목일 2005 a holiday', is_working_day('2005-04-05'), 0;
SELECT 'C2 식목일 2006 not', is_working_day('2006-04-05'), 1;
SELECT 'C2 제헌절 2007 a holiday', is_working_day('2007-07-17'), 0;
SELECT 'C2 제헌절 2008 not', is_working_day('2008-07-17'), 1;
SELECT 'C2 제헌절 2025 not', is_working_day('2025-07-17'), 1;
SELECT 'C2 제헌절 2026 again (KR5)', is_working_day('2026-07-17'), 0;
SELECT 'C2 노동절 2025 not', is_working_day('2025-05-01'), 1;
SELECT 'C2 노동절 2026 (KR5)', is_working_day('2026-05-01'), 0;
SELECT 'C2 한글날 2012 not', is_working_day('2012-10-09'), 1;
SELECT 'C2 한글날 2013 again', is_working_day('2013-10-09'), 0;
-- C3 lunar: leap months and Seollal eve in the month before
SELECT 'C3 2012 부처님오신날 after a leap 3rd month (KR 05-28, CN 04-28)', is_working_day('2012-05-28'), 0;
SELECT 'C3 2012-04-28 is no holiday', (SELECT count(*) FROM holidays('2012-04-28','2012-04-28')), 0;
SELECT 'C3 2023 부처님오신날 (KR 05-27, CN 05-26)', (SELECT name FROM holidays('2023-05-27','2023-05-27')), '부처님오신날';
SELECT 'C3 2020 leap 4th month: 부처님오신날 on the ordinary 4/8', (SELECT date FROM holidays(2020) WHERE name='부처님오신날'), '2020-04-30';
SELECT 'C3 설날 전날 in January (2022)', (SELECT date FROM holidays(2022) WHERE name='설날 전날'), '2022-01-31';
SELECT 'C3 설날 전날 in January (2003)', (SELECT date FROM holidays(2003) WHERE name='설날 전날'), '2003-01-31';
SELECT 'C3 2033 추석 per KASI', (SELECT date FROM holidays(2033) WHERE name='추석'), '2033-09-08';
SELECT 'C3 2027 설날 per KASI (CN 02-06)', (SELECT date FROM holidays(2027) WHERE name='설날'), '2027-02-07';
-- C4 substitutes at the rules' effective dates
SELECT 'C4 2012 설날 전날 Sunday: no substitute before the rule', is_working_day('2012-01-25'), 1;
SELECT 'C4 2013 어린이날 Sunday: no substitute before 2014', is_working_day('2013-05-06'), 1;
SELECT 'C4 2014-09-10 first substitute (추석 전날 on Sunday)', (SELECT name FROM holidays('2014-09-10','2014-09-10')), '대체공휴일(추석)';
SELECT 'C4 2019 어린이날 Sunday → 05-06', (SELECT name FROM holidays('2019-05-06','2019-05-06')), '대체공휴일(어린이날)';
SELECT 'C4 2020 3·1절 Sunday: no substitute before 2021-08-04', is_working_day('2020-03-02'), 1;
SELECT 'C4 2021 광복절 Sunday → 08-16', (SELECT name FROM holidays('2021-08-16','2021-08-16')), '대체공휴일(광복절)';
SELECT 'C4 2021 개천절 Sunday → 10-04', is_working_day('2021-10-04'), 0;
SELECT 'C4 2021 한글날 Saturday → 10-11', is_working_day('2021-10-11'), 0;
SELECT 'C4 2022 기독탄신일 Sunday: no substitute before 2023-05-04', is_working_day('2022-12-26'), 1;
SELECT 'C4 2022 부처님오신날 Sunday: no substitute', is_working_day('2022-05-09'), 1;
SELECT 'C4 2027 기독탄신일 Saturday → 12-27', (SELECT name FROM holidays('2027-12-27','2027-12-27')), '대체공휴일(기독탄신일)';
SELECT 'C4 설날 on a Saturday gives none (2022-01-31..02-02 no Sat; 2020 설날 전날 Fri, 설날 Sat)', is_working_day('2020-01-27'), 0;
SELECT 'C4 2020: 설날 다음날 Sunday gives 01-27', (SELECT name FROM holidays('2020-01-27','2020-01-27')), '대체공휴일(설날)';
SELECT 'C4 two on one weekday give one (2025-05-05)', (SELECT count(*) FROM holidays('2025-05-06','2025-05-09') WHERE kind='substitute'), 1;
SELECT 'C4 2025-05-06 named after 어린이날', (SELECT name FROM holidays('2025-05-06','2025-05-06')), '대체공휴일(어린이날)';
SELECT 'C4 2017-10-03 추석 전날 + 개천절 → 10-06', (SELECT name FROM holidays('2017-10-06','2017-10-06')), '대체공휴일(추석)';
SELECT 'C4 2017-10 run: 10-02 … 10-09 all off', (SELECT group_concat(is_working_day(date(day)), '') FROM (SELECT printf('2017-10-%02d', value) AS day FROM (SELECT 2 AS value UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9 UNION ALL SELECT 10))), '000000001';
-- C5 dated facts
SELECT 'C5 election kind', (SELECT kind FROM holidays('2024-04-10','2024-04-10')), 'election';
SELECT 'C5 temporary kind', (SELECT kind FROM holidays('2020-08-17','2020-08-17')), 'temporary';
SELECT 'C5 2002 World Cup', is_working_day('2002-07-01'), 0;
-- C10 (issue 15, DOMAIN D9): the elections 공직선거법 제34조 schedules, 2028-2050
SELECT 'C10 issue 15: 2028-04-12, the 23rd National Assembly election, is no working day', is_working_day('2028-04-12'), 0;
SELECT 'C10 its name and kind', (SELECT name || '/' || kind FROM holidays('2028-04-12', '2028-04-12')), '제23대 국회의원 선거/election';
SELECT 'C10 the 22nd presidential election (the 21st term ends 2030-06-03)', (SELECT date || ' ' || name FROM holidays(2030) WHERE name GLOB '*대통령*'), '2030-03-27 제22대 대통령 선거';
SELECT 'C10 art. 34 (2): 2030-06-05 is the day before 현충일, so the local elections move to 06-12', (SELECT date || ' ' || name FROM holidays(2030) WHERE name GLOB '*지방선거'), '2030-06-12 제10회 전국동시지방선거';
SELECT 'C10 and 2030-06-05 stays a working day', is_working_day('2030-06-05'), 1;
SELECT 'C10 art. 34 (2) again in 2046 (06-06 on a Wednesday)', (SELECT date FROM holidays(2046) WHERE kind = 'election'), '2046-06-13';
SELECT 'C10 17 scheduled elections 2028-2050: 6 National Assembly, 5 presidential, 6 local', (SELECT count(*) || ' ' || sum(name GLOB '*국회*') || ' ' || sum(name GLOB '*대통령*') || ' ' || sum(name GLOB '*지방선거') FROM holidays('2028-01-01', '2050-12-31') WHERE kind = 'election'), '17 6 5 6';
SELECT 'C10 numbered in turn', (SELECT group_concat(name, ',') FROM (SELECT name FROM holidays('2028-01-01', '2050-12-31') WHERE kind = 'election' AND name GLOB '*대통령*' ORDER BY date)), '제22대 대통령 선거,제23대 대통령 선거,제24대 대통령 선거,제25대 대통령 선거,제26대 대통령 선거';
SELECT 'C10 the last ones, 2050', (SELECT group_concat(date, ',') FROM holidays(2050) WHERE kind = 'election'), '2050-03-30,2050-06-01';
SELECT 'C10 nothing scheduled before 2028: the elections through 2027 are the 20 dated facts (C5, calendar_facts.h)', (SELECT count(*) FROM holidays('2000-01-01', '2027-12-31') WHERE kind = 'election'), 20;
SELECT 'C10 each a Wednesday, no holiday on the day before, the day or the day after', (SELECT count(*) || ' ' || sum(strftime('%w', e.date) = '3' AND NOT EXISTS (SELECT 1 FROM holidays(date(e.date, '-1 day'), date(e.date, '+1 day')) h WHERE h.kind <> 'election')) FROM holidays('2028-01-01', '2050-12-31') e WHERE e.kind = 'election'), '17 17';
-- C10, the rule written again here from the words of art. 34, for every term that ended
-- under it (the 2004 amendment): it gives each 임기만료 election of the dated facts
-- 2006-2026 (C5) and each scheduled one 2028-2050, and nothing else of kind election but
-- the two held after a vacancy (2017-05-09, 2025-06-03).
SELECT 'C10 art. 34 gives every 임기만료 election 2006-2050', (WITH
  term(end_day, before) AS (VALUES
    ('2006-06-30', 30), ('2010-06-30', 30), ('2014-06-30', 30), ('2018-06-30', 30), ('2022-06-30', 30), ('2026-06-30', 30),
    ('2030-06-30', 30), ('2034-06-30', 30), ('2038-06-30', 30), ('2042-06-30', 30), ('2046-06-30', 30), ('2050-06-30', 30),
    ('2008-02-24', 70), ('2013-02-24', 70), ('2022-05-09', 70),
    ('2030-06-03', 70), ('2035-06-03', 70), ('2040-06-03', 70), ('2045-06-03', 70), ('2050-06-03', 70),
    ('2008-05-29', 50), ('2012-05-29', 50), ('2016-05-29', 50), ('2020-05-29', 50), ('2024-05-29', 50),
    ('2028-05-29', 50), ('2032-05-29', 50), ('2036-05-29', 50), ('2040-05-29', 50), ('2044-05-29', 50), ('2048-05-29', 50)),
  wed(d) AS (SELECT date(end_day, '-' || before || ' days', 'weekday 3') FROM term),
  day(d) AS (SELECT CASE WHEN EXISTS (SELECT 1 FROM holidays(date(d, '-1 day'), date(d, '+1 day')) h WHERE h.kind <> 'election')
                         THEN date(d, '+7 days') ELSE d END FROM wed),
  got(d) AS (SELECT date FROM holidays('2006-01-01', '2050-12-31') WHERE kind = 'election' AND date NOT IN ('2017-05-09', '2025-06-03'))
  SELECT (SELECT count(*) FROM day) || ' ' || (SELECT count(*) FROM day WHERE d IN (SELECT d FROM got)) || ' ' || (SELECT count(*) FROM got)), '31 31 31';
-- C8 holidays()
SELECT 'C8 holidays(2025) rows', (SELECT count(*) FROM holidays(2025)), 20;
SELECT 'C8 holidays(''2025'') as a year', (SELECT count(*) FROM holidays('2025')), 20;
SELECT 'C8 same as a date range', (SELECT count(*) FROM holidays('2025-01-01','2025-12-31')), 20;
SELECT 'C8 two holidays one day are two rows', (SELECT count(*) FROM holidays('2025-05-05','2025-05-05')), 2;
SELECT 'C8 ordered by date then name', (SELECT group_concat(name, ',') FROM holidays('2025-05-05','2025-05-05')), '부처님오신날,어린이날';
SELECT 'C8 from after to: no rows', (SELECT count(*) FROM holidays('2025-12-31','2025-01-01')), 0;
SELECT 'C8 NULL argument: no rows', (SELECT count(*) FROM holidays(NULL, '2025-01-01')), 0;
SELECT 'C8 year bounds', (SELECT count(*) FROM holidays(2024, 2025)), (SELECT count(*) FROM holidays(2024)) + (SELECT count(*) FROM holidays(2025));
SELECT 'C8 named columns', (SELECT date || ' ' || name || ' ' || kind FROM holidays WHERE from_date = '2015-08-14' AND to_date = '2015-08-14'), '2015-08-14 임시공휴일 temporary';
SELECT 'C8 kinds', (SELECT group_concat(DISTINCT kind) FROM (SELECT kind FROM holidays(2015, 2017) ORDER BY kind)), 'election,fixed,lunar,substitute,temporary';
SELECT 'C8 whole range', (SELECT count(*) > 800 FROM holidays('2000-01-01','2050-12-31')), 1;
-- C4 overlaps: no day of 2000–2050 carries three holidays (the query below proves it);
-- the densest clusters are two on one day beside a weekend.
SELECT 'C4 never three holidays on one day 2000-2050', (SELECT max(n) FROM (SELECT count(*) AS n FROM holidays('2000-01-01','2050-12-31') WHERE kind <> 'substitute' GROUP BY date)), 2;
SELECT 'C4 2036: 개천절+추석 전날 Fri, 추석 Sat (no trigger), 추석 다음날 Sun → two substitutes', (SELECT group_concat(date || ' ' || name, ', ') FROM holidays('2036-10-06','2036-10-08')), '2036-10-06 대체공휴일(개천절), 2036-10-07 대체공휴일(추석)';
SELECT 'C4 2039: 추석 Sun, 개천절+추석 다음날 Mon → 10-04 and 10-05', (SELECT group_concat(date || ' ' || name, ', ') FROM holidays('2039-10-04','2039-10-08')), '2039-10-04 대체공휴일(추석), 2039-10-05 대체공휴일(개천절)';
SELECT 'C4 2009: 개천절+추석 on a Saturday, before the rule: none', (SELECT count(*) FROM holidays('2009-10-01','2009-10-08') WHERE kind = 'substitute'), 0;
SELECT 'C4 2028: 개천절 and 추석 on one Tuesday → one substitute', (SELECT group_concat(date, ',') FROM holidays('2028-10-01','2028-10-08') WHERE kind = 'substitute'), '2028-10-05';
