#include "sensors/csv_source.h"
#include "support/scratch.h"

#include <gtest/gtest.h>

#include <fstream>

namespace tinysim {
namespace {

CsvSensorOptions labelled() {
  CsvSensorOptions o;
  o.label_column = "label";
  return o;
}

std::vector<int16_t> frame(const CsvSensorSource& s, uint64_t i) {
  std::vector<int16_t> v(s.channels());
  s.read_frame(i, v.data());
  return v;
}

TEST(CsvSensorSource, ReadsChannelsLabelsAndRate) {
  const std::string text =
      "time,ax,ay,label\n"
      "0.00,1,2,rest\n"
      "0.01, 3 ,-4,rest\r\n"
      "# a comment line\n"
      "\n"
      "0.02,5,6,walk\n"
      "0.03,7,8,\n";
  auto s = CsvSensorSource::parse(text, "walk.csv", labelled());
  ASSERT_TRUE(s.ok()) << s.error().describe();
  EXPECT_EQ(s->channels(), 2u);
  EXPECT_EQ(s->channel_names(), (std::vector<std::string>{"ax", "ay"}));
  EXPECT_EQ(s->rate().hz_num, 100u);
  EXPECT_EQ(s->rate().hz_den, 1u);
  EXPECT_EQ(s->frame_count(), std::optional<uint64_t>(4));
  EXPECT_EQ(frame(*s, 0), (std::vector<int16_t>{1, 2}));
  EXPECT_EQ(frame(*s, 1), (std::vector<int16_t>{3, -4}));
  EXPECT_EQ(frame(*s, 3), (std::vector<int16_t>{7, 8}));
  EXPECT_EQ(s->label_names(), (std::vector<std::string>{"rest", "walk"}));
  EXPECT_EQ(s->label(0), 0);
  EXPECT_EQ(s->label(2), 1);
  EXPECT_EQ(s->label(3), kNoLabel);
}

TEST(CsvSensorSource, PicksNamedChannelsScalesAndRounds) {
  CsvSensorOptions o;
  o.time_column = "t";
  o.channel_columns = {"gy", "gx"};
  o.scale = 4.0;
  auto s = CsvSensorSource::parse("gx,t,gy\n0.5,0,-0.375\n-1.25,0.004,7.6\n", "g.csv", o);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  EXPECT_EQ(frame(*s, 0), (std::vector<int16_t>{-2, 2}));  // -1.5 rounds away from zero
  EXPECT_EQ(frame(*s, 1), (std::vector<int16_t>{30, -5}));
  EXPECT_EQ(s->rate().hz_num, 250u);  // 4 ms period
  EXPECT_EQ(s->rate().hz_den, 1u);
}

TEST(CsvSensorSource, ExplicitFractionalRateAcceptsRoundedTimes) {
  CsvSensorOptions o;
  o.rate = SampleRate{1000, 3};  // 3.333 ms
  auto s = CsvSensorSource::parse("time,x\n0.000,1\n0.003,2\n0.007,3\n0.010,4\n", "r.csv", o);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  EXPECT_EQ(s->rate().millihertz(), 333333u);
}

TEST(CsvSensorSource, BadNumberNamesLineColumnAndField) {
  auto s = CsvSensorSource::parse("time,ax\n0.0,1\n0.01,abc\n", "walk.csv", {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().describe(), "walk.csv:3:6: ax: 'abc' is not a number");
}

TEST(CsvSensorSource, WrongCellCount) {
  auto s = CsvSensorSource::parse("time,ax,ay\n0.0,1,2\n0.01,3\n", "walk.csv", {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().describe(), "walk.csv:3:1: row has 2 cells, the header (line 1) has 3");
}

TEST(CsvSensorSource, MissingColumnListsTheHeader) {
  CsvSensorOptions o;
  o.label_column = "activity";
  auto s = CsvSensorSource::parse("\n# recorded 2024\ntime,ax\n0,1\n", "walk.csv", o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().describe(), "walk.csv:3:1: label_column: no column named 'activity' in the header (time, ax)");
}

TEST(CsvSensorSource, TimeMustIncreaseAndStayOnTheGrid) {
  auto back = CsvSensorSource::parse("time,x\n0.00,1\n0.01,2\n0.01,3\n", "a.csv", {});
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().describe(), "a.csv:4:1: time: time 0.01 s does not increase (previous row: 0.01 s)");

  auto off = CsvSensorSource::parse("time,x\n0.00,1\n0.01,2\n0.026,3\n", "a.csv", {});
  ASSERT_FALSE(off.ok());
  EXPECT_EQ(off.error().describe(), "a.csv:4:1: time: frame 2 at 0.026 s is off the 100 Hz grid (expected 0.02 s)");

  auto bad = CsvSensorSource::parse("time,x\n0.00,1\n-0.01,2\n", "a.csv", {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().describe(), "a.csv:3:1: time: '-0.01' is not a time in seconds (e.g. 0.0125)");
}

TEST(CsvSensorSource, ValueOutsideInt16) {
  auto s = CsvSensorSource::parse("time,x\n0,1\n0.5,40000\n", "a.csv", {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().describe(), "a.csv:3:5: x: value 40000 scaled by 1 does not fit a 16-bit sample (-32768..32767)");
}

TEST(CsvSensorSource, EmptyAndHeaderOnlyFiles) {
  EXPECT_EQ(CsvSensorSource::parse("", "e.csv", {}).error().describe(),
            "e.csv: the file is empty: expected a header row naming the columns");
  EXPECT_EQ(CsvSensorSource::parse("time,x\n", "e.csv", {}).error().describe(),
            "e.csv:1: the file has a header but no data rows");
  EXPECT_EQ(CsvSensorSource::parse("time,x\n0,1\n", "e.csv", {}).error().describe(),
            "e.csv:1: rate: one data row gives no frame rate: add rows or give the rate explicitly");
}

TEST(CsvSensorSource, LoadsFromFileAndReportsMissingFile) {
  const std::string path = test::scratch_path("csv_source_test.csv");
  {
    std::ofstream out(path, std::ios::binary);
    out << "time,x\n0,10\n0.5,20\n1.0,30\n";
  }
  auto s = CsvSensorSource::load(path, {});
  ASSERT_TRUE(s.ok()) << s.error().describe();
  EXPECT_EQ(s->rate().hz_num, 2u);
  EXPECT_EQ(frame(*s, 2), (std::vector<int16_t>{30}));

  auto missing = CsvSensorSource::load(path + ".absent", {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().describe(), path + ".absent: cannot open the sensor recording");
}

}  // namespace
}  // namespace tinysim
