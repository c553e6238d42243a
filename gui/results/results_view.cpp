#include "results/results_view.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>

#include "common/chart_kit.h"
#include "scenario/expectations.h"

namespace tinysim::gui {
namespace {

QTableWidget* makeTable(const QStringList& headers) {
  auto* t = new QTableWidget(0, int(headers.size()));
  t->setHorizontalHeaderLabels(headers);
  t->verticalHeader()->hide();
  t->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  return t;
}

QTableWidgetItem* item(const QString& text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter) {
  auto* i = new QTableWidgetItem(text);
  i->setTextAlignment(align);
  return i;
}

QString percent(std::optional<double> v) { return v ? QString::number(100 * *v, 'f', 1) + " %" : "—"; }

}  // namespace

ResultsView::ResultsView(QWidget* parent)
    : QWidget(parent),
      headline_(new QLabel(tr("Run a scenario to see its accuracy and expectations."))),
      confusion_(new QTableWidget),
      per_class_(makeTable({tr("class"), tr("windows"), tr("predicted"), tr("correct"), tr("precision"), tr("recall")})),
      expectations_(makeTable({tr("expectation"), tr("threshold"), tr("measured"), tr("verdict")})) {
  headline_->setWordWrap(true);
  headline_->setTextFormat(Qt::RichText);
  confusion_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  confusion_->setToolTip(tr("Rows: ground truth; columns: predicted. Colour: share of the row."));
  auto* grid = new QGridLayout(this);
  grid->addWidget(headline_, 0, 0, 1, 2);
  grid->addWidget(new QLabel(tr("<b>Confusion matrix</b> (rows: ground truth, columns: predicted)")), 1, 0);
  grid->addWidget(new QLabel(tr("<b>Expectations</b>")), 1, 1);
  grid->addWidget(confusion_, 2, 0);
  grid->addWidget(expectations_, 2, 1);
  grid->addWidget(new QLabel(tr("<b>Per class</b>")), 3, 0);
  grid->addWidget(per_class_, 4, 0, 1, 2);
  grid->setRowStretch(2, 3);
  grid->setRowStretch(4, 2);
}

QString ResultsView::headline() const { return headline_->text(); }

void ResultsView::showRun(const ScenarioRun& run) {
  if (!run.outcome) return;
  const ScenarioOutcome& o = *run.outcome;
  const Scores& s = o.scores;
  const int failed = int(std::count_if(o.expectations.begin(), o.expectations.end(), [](auto& e) { return !e.passed; }));
  QString text = tr("<h2>%1: accuracy %2%3</h2>")
                     .arg(QString::fromStdString(o.scenario.name), percent(s.accuracy()),
                          run.partial ? tr(" so far") : QString());
  text += tr("%1 windows, %2 with a ground-truth label, %3 right. ").arg(s.windows).arg(s.labelled).arg(s.correct);
  if (!s.event_classes.empty())
    text += tr("Events: %1 of %2 detected, %3 false activations (%4 per hour). ")
                .arg(s.detected_events()).arg(s.events.size()).arg(s.false_activations)
                .arg(s.false_activations_per_hour().value_or(0), 0, 'f', 1);
  text += run.partial ? tr("Running: expectations are checked when the run ends.")
          : o.expectations.empty() ? tr("No expectations.")
          : failed ? tr("<span style='color:#c62828'><b>%1 of %2 expectations failed.</b></span>")
                         .arg(failed).arg(o.expectations.size())
                   : tr("<span style='color:#2e7d32'><b>All %1 expectations passed.</b></span>")
                         .arg(o.expectations.size());
  headline_->setText(text);

  // Confusion: rows actual, columns predicted (+ "other" when a result named no class).
  const int n = int(s.classes.size());
  const bool other = std::any_of(s.confusion.begin(), s.confusion.end(),
                                 [n](const auto& row) { return row.size() > size_t(n) && row[size_t(n)] > 0; });
  const int columns = n + (other ? 1 : 0);
  confusion_->clear();
  confusion_->setRowCount(n);
  confusion_->setColumnCount(columns);
  QStringList names;
  for (const std::string& c : s.classes) names << QString::fromStdString(c);
  QStringList predicted = names;
  if (other) predicted << tr("other");
  confusion_->setHorizontalHeaderLabels(predicted);
  confusion_->setVerticalHeaderLabels(names);
  for (int c = 0; c < n; ++c) {  // each class in its colour, as on the timeline
    confusion_->horizontalHeaderItem(c)->setIcon(colorSwatch(c));
    confusion_->verticalHeaderItem(c)->setIcon(colorSwatch(c));
  }
  for (int a = 0; a < n && size_t(a) < s.confusion.size(); ++a) {
    const auto& row = s.confusion[size_t(a)];
    uint64_t total = 0;
    for (uint64_t v : row) total += v;
    for (int p = 0; p < columns && size_t(p) < row.size(); ++p) {
      const uint64_t v = row[size_t(p)];
      auto* cell = item(QString::number(v), Qt::AlignCenter);
      const double share = total ? double(v) / double(total) : 0;
      const QColor base = a == p ? QColor("#2e7d32") : QColor("#c62828");
      QColor fill = base;
      fill.setAlphaF(float(0.08 + 0.7 * share));
      if (v) cell->setBackground(fill);
      cell->setToolTip(tr("%1 windows of %2 predicted as %3 (%4% of the row)")
                           .arg(v).arg(names[a], predicted[p]).arg(100 * share, 0, 'f', 1));
      confusion_->setItem(a, p, cell);
    }
  }
  confusion_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

  per_class_->setRowCount(int(s.per_class.size()));
  for (size_t i = 0; i < s.per_class.size(); ++i) {
    const ClassScore& c = s.per_class[i];
    const int row = int(i);
    per_class_->setItem(row, 0, item(QString::fromStdString(c.name), Qt::AlignLeft | Qt::AlignVCenter));
    per_class_->item(row, 0)->setIcon(colorSwatch(row));
    per_class_->setItem(row, 1, item(QString::number(c.actual)));
    per_class_->setItem(row, 2, item(QString::number(c.predicted)));
    per_class_->setItem(row, 3, item(QString::number(c.correct)));
    per_class_->setItem(row, 4, item(percent(c.precision())));
    per_class_->setItem(row, 5, item(percent(c.recall())));
  }

  expectations_->setRowCount(int(o.expectations.size()));
  for (size_t i = 0; i < o.expectations.size(); ++i) {
    const ExpectationResult& e = o.expectations[i];
    const int row = int(i);
    expectations_->setItem(row, 0, item(QString::fromStdString(e.expectation.key), Qt::AlignLeft | Qt::AlignVCenter));
    expectations_->setItem(row, 1, item(QString::fromStdString(describe_expectation(e.expectation))));
    expectations_->setItem(row, 2, item(QString::fromStdString(e.measured_text)));
    auto* verdict = item(e.passed ? tr("PASS") : tr("FAIL"), Qt::AlignCenter);
    verdict->setBackground(e.passed ? QColor("#c8e6c9") : QColor("#ffcdd2"));
    verdict->setForeground(e.passed ? QColor("#1b5e20") : QColor("#b71c1c"));
    QFont bold = verdict->font();
    bold.setBold(true);
    verdict->setFont(bold);
    expectations_->setItem(row, 3, verdict);
  }
}

}  // namespace tinysim::gui
