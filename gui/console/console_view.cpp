#include "console/console_view.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace tinysim::gui {

ConsoleView::ConsoleView(QWidget* parent) : QWidget(parent), banner_(new QLabel), text_(new QPlainTextEdit) {
  banner_->setWordWrap(true);
  banner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  banner_->setStyleSheet(
      "QLabel { background: #fdecea; color: #7f1d1d; border: 2px solid #c62828; border-radius: 4px; padding: 8px; }");
  banner_->hide();
  text_->setReadOnly(true);
  text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  text_->setPlaceholderText(tr("The firmware's console output appears here after a run."));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(banner_);
  layout->addWidget(text_, 1);
}

void ConsoleView::showRun(const ModelRun& run) {
  banner_->hide();
  if (run.bench) text_->setPlainText(QString::fromStdString(run.bench->console));
}

void ConsoleView::showFailure(const QString& title, const QString& report) {
  banner_->setText("<b>" + title.toHtmlEscaped() + "</b><pre style='white-space:pre-wrap'>" + report.toHtmlEscaped() +
                   "</pre>");
  banner_->show();
}

QString ConsoleView::consoleText() const { return text_->toPlainText(); }
QString ConsoleView::faultText() const { return banner_->text(); }
bool ConsoleView::faultShown() const { return !banner_->isHidden(); }

}  // namespace tinysim::gui
