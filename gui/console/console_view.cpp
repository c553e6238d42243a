#include "console/console_view.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextCursor>
#include <QVBoxLayout>

namespace tinysim::gui {

ConsoleView::ConsoleView(QWidget* parent)
    : QWidget(parent), banner_(new QLabel), status_(new QLabel), text_(new QPlainTextEdit) {
  banner_->setWordWrap(true);
  banner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  banner_->setStyleSheet(
      "QLabel { background: #fdecea; color: #7f1d1d; border: 2px solid #c62828; border-radius: 4px; padding: 8px; }");
  banner_->hide();
  text_->setReadOnly(true);
  text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  text_->setPlaceholderText(tr("The firmware's console output appears here as it prints it."));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(banner_);
  layout->addWidget(status_);
  layout->addWidget(text_, 1);
}

void ConsoleView::showRun(const ModelRun& run) {
  banner_->hide();
  if (!run.bench) return;
  const QString text = QString::fromStdString(run.bench->console);
  if (shown_.isEmpty() || !text.startsWith(shown_)) {
    text_->setPlainText(text);
  } else if (text.size() > shown_.size()) {
    // A live run printed more: append it, and keep following the end if the reader was there.
    QScrollBar* bar = text_->verticalScrollBar();
    const bool at_end = bar->value() == bar->maximum();
    QTextCursor end(text_->document());
    end.movePosition(QTextCursor::End);
    end.insertText(text.mid(shown_.size()));
    if (at_end) bar->setValue(bar->maximum());
  }
  shown_ = text;
  lines_ = text.isEmpty() ? 0 : int(text.count('\n') + (text.endsWith('\n') ? 0 : 1));
  const QString count = lines_ == 0 ? tr("nothing printed (TinySim's firmware prints only on errors)")
                       : lines_ == 1 ? tr("1 line printed")
                                     : tr("%1 lines printed").arg(lines_);
  status_->setText(run.partial ? tr("Running: %1 so far.").arg(count) : tr("Console: %1.").arg(count));
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
