#include "peripherals/result_mailbox.h"

#include <gtest/gtest.h>

#include "fake_bus.h"
#include "hal/tinysim_regs.h"

namespace tinysim {
namespace {

constexpr uint32_t kRam = 0x20000000;

struct MailboxRig {
  MailboxRig() : bus(kRam, 1024, 1000000), mailbox(log, nullptr, nullptr) { mailbox.attach(bus); }
  void set(uint32_t offset, uint32_t value) { mailbox.write(offset, 4, value); }
  test::FakeBus bus;
  MisuseLog log;
  ResultMailbox mailbox;
};

TEST(ResultMailbox, CommitCopiesTheOutputBytesAtThatCycle) {
  MailboxRig rig;
  const uint8_t scores[] = {0x01, 0x80, 0xFF, 0x7F};
  std::copy(scores, scores + 4, rig.bus.ram.begin() + 0x40);
  rig.bus.cycle = 777;
  rig.set(TS_RESULT_CLASS, 3);
  rig.set(TS_RESULT_DATA_ADDR, kRam + 0x40);
  rig.set(TS_RESULT_DATA_LEN, 4);
  rig.set(TS_RESULT_COMMIT, 1);
  rig.bus.ram[0x40] = 0x55;  // later changes in RAM do not alter the result
  rig.bus.cycle = 900;
  rig.set(TS_RESULT_CLASS, 0xFFFFFFFFu);
  rig.set(TS_RESULT_DATA_LEN, 0);
  rig.set(TS_RESULT_COMMIT, 1);
  const auto& results = rig.mailbox.results();
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].cycle, 777u);
  EXPECT_EQ(results[0].predicted_class, 3);
  EXPECT_EQ(results[0].output, (std::vector<uint8_t>{0x01, 0x80, 0xFF, 0x7F}));
  EXPECT_FALSE(results[0].window.has_value());
  EXPECT_EQ(results[0].input_index, -1);
  EXPECT_EQ(results[1].cycle, 900u);
  EXPECT_EQ(results[1].predicted_class, -1);
  EXPECT_TRUE(results[1].output.empty());
  EXPECT_EQ(rig.mailbox.read(TS_RESULT_COMMIT, 4), 2u);
  EXPECT_TRUE(rig.log.entries().empty());
}

TEST(ResultMailbox, ScoreIsRecordedOnceWrittenAndKeptBetweenCommits) {
  MailboxRig rig;
  EXPECT_EQ(rig.mailbox.read(TS_RESULT_SCORE, 4), TS_RESULT_NO_SCORE);
  rig.set(TS_RESULT_COMMIT, 1);  // a classifier never writes SCORE
  rig.set(TS_RESULT_SCORE, 98304);  // 1.5 in Q16.16
  rig.set(TS_RESULT_COMMIT, 1);
  rig.set(TS_RESULT_COMMIT, 1);
  rig.set(TS_RESULT_SCORE, TS_RESULT_NO_SCORE);
  rig.set(TS_RESULT_COMMIT, 1);
  const auto& results = rig.mailbox.results();
  ASSERT_EQ(results.size(), 4u);
  EXPECT_FALSE(results[0].score.has_value());
  EXPECT_EQ(results[1].score, 98304u);
  EXPECT_EQ(results[2].score, 98304u);
  EXPECT_FALSE(results[3].score.has_value());
  EXPECT_TRUE(rig.log.entries().empty());
}

TEST(ResultMailbox, AbsurdOrOutOfMemoryResultsAreLogged) {
  MailboxRig rig;
  rig.set(TS_RESULT_DATA_ADDR, kRam);
  rig.set(TS_RESULT_DATA_LEN, 1000000);
  rig.set(TS_RESULT_COMMIT, 1);
  rig.set(TS_RESULT_DATA_ADDR, kRam + 1020);
  rig.set(TS_RESULT_DATA_LEN, 8);
  rig.set(TS_RESULT_COMMIT, 1);
  rig.set(TS_RESULT_COMMIT, 0);
  ASSERT_EQ(rig.mailbox.results().size(), 2u);
  EXPECT_TRUE(rig.mailbox.results()[0].output.empty());
  EXPECT_TRUE(rig.mailbox.results()[1].output.empty());
  ASSERT_EQ(rig.log.entries().size(), 3u);
  EXPECT_EQ(rig.log.entries()[0].message,
            "result of 1000000 bytes at 0x20000000 is larger than the mailbox takes (65536 bytes); "
            "published without output bytes");
  EXPECT_EQ(rig.log.entries()[1].message,
            "result output of 8 bytes at 0x200003fc is outside memory; published without output bytes");
  EXPECT_EQ(rig.log.entries()[2].message, "COMMIT takes 1, got 0");
}

TEST(ResultMailbox, ErrorsCarryCodeArgAndMessage) {
  MailboxRig rig;
  rig.bus.put_string(kRam + 0x80, "arena needs 12345 bytes");
  rig.bus.cycle = 4242;
  rig.set(TS_RESULT_ERROR_ARG, 12345);
  rig.set(TS_RESULT_ERROR_MSG, kRam + 0x80);
  rig.set(TS_RESULT_ERROR, TS_ERR_ARENA_TOO_SMALL);
  rig.set(TS_RESULT_ERROR, TS_ERR_INTERNAL);  // arg and message do not carry over
  const auto& errors = rig.mailbox.errors();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].cycle, 4242u);
  EXPECT_EQ(errors[0].code, 3u);
  EXPECT_EQ(errors[0].arg, 12345u);
  EXPECT_EQ(errors[0].message, "arena needs 12345 bytes");
  EXPECT_EQ(errors[1].code, 5u);
  EXPECT_EQ(errors[1].arg, 0u);
  EXPECT_EQ(errors[1].message, "");
  EXPECT_EQ(rig.mailbox.read(TS_RESULT_ERROR, 4), 5u);
  EXPECT_EQ(error_code_name(TS_ERR_ARENA_TOO_SMALL), "ARENA_TOO_SMALL");
  EXPECT_EQ(error_code_name(TS_ERR_MODEL_UNSUPPORTED), "MODEL_UNSUPPORTED");
  EXPECT_EQ(error_code_name(99), "error 99");
  EXPECT_TRUE(rig.log.entries().empty());
}

TEST(ResultMailbox, UnterminatedMessagesAreCutAndLogged) {
  MailboxRig rig;
  std::fill(rig.bus.ram.begin(), rig.bus.ram.begin() + 300, 'x');
  rig.set(TS_RESULT_ERROR_MSG, kRam);
  rig.set(TS_RESULT_ERROR, TS_ERR_MODEL_INVALID);
  std::fill(rig.bus.ram.begin() + 1000, rig.bus.ram.end(), 'y');
  rig.set(TS_RESULT_ERROR_MSG, kRam + 1000);
  rig.set(TS_RESULT_ERROR, TS_ERR_MODEL_INVALID);
  ASSERT_EQ(rig.mailbox.errors().size(), 2u);
  EXPECT_EQ(rig.mailbox.errors()[0].message, std::string(256, 'x'));
  EXPECT_EQ(rig.mailbox.errors()[1].message, std::string(24, 'y'));
  ASSERT_EQ(rig.log.entries().size(), 2u);
  EXPECT_EQ(rig.log.entries()[0].block, "result");
  EXPECT_EQ(rig.log.entries()[0].message,
            "error message at 0x20000000 is not NUL-terminated within 256 bytes; kept the first 256");
  EXPECT_EQ(rig.log.entries()[1].message, "error message at 0x200003e8 runs out of memory after 24 bytes");
}

}  // namespace
}  // namespace tinysim
