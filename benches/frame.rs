//! One update plus a full render of the main screen at 200x60 into a test backend:
//! the cost of one frame after a key press.

use std::hint::black_box;

use arrest_scenarios::data::Dataset;
use arrest_scenarios::model::Scenario;
use arrest_scenarios::tui::{Action, App, Screen, Theme};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Time one step of the selected value (alternately up and down) and a full redraw.
fn bench_frame(c: &mut Criterion, name: &str, mut app: App) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut up = true;
    c.bench_function(name, |b| {
        b.iter(|| {
            app.update(if up {
                Action::Increase
            } else {
                Action::Decrease
            });
            up = !up;
            terminal
                .draw(|f| {
                    let screen = Screen {
                        app: &app,
                        theme: Theme::COLOR,
                    };
                    f.render_widget(screen, f.area());
                })
                .unwrap();
            black_box(terminal.backend().buffer().area);
        });
    });
}

fn app_after(action: Action) -> App {
    let mut app = App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    );
    app.update(action);
    app
}

fn frame(c: &mut Criterion) {
    // The Scenario tab with the per-office target selected.
    bench_frame(c, "update + render 200x60", app_after(Action::Down));
    bench_frame(
        c,
        "update + render offices 200x60",
        app_after(Action::NextTab),
    );
    let data = Dataset::bundled().unwrap();
    c.bench_function("evaluate scenario", |b| {
        b.iter(|| arrest_scenarios::model::evaluate(black_box(&Scenario::default()), &data));
    });
}

criterion_group!(benches, frame);
criterion_main!(benches);
