//! One update plus a full render of the main screen at 200x60 into a test backend:
//! the cost of one frame after a key press.

use std::hint::black_box;

use arrest_scenarios::data::Dataset;
use arrest_scenarios::model::Scenario;
use arrest_scenarios::tui::{Action, App, Screen, Theme};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn frame(c: &mut Criterion) {
    let mut app = App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    );
    app.update(Action::Down);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut up = true;
    c.bench_function("update + render 200x60", |b| {
        b.iter(|| {
            app.update(if up {
                Action::Increase
            } else {
                Action::Decrease
            });
            up = !up;
            terminal
                .draw(|f| {
                    f.render_widget(
                        Screen {
                            app: &app,
                            theme: Theme::COLOR,
                        },
                        f.area(),
                    );
                })
                .unwrap();
            black_box(terminal.backend().buffer().area);
        });
    });
    let mut offices = App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    );
    offices.update(Action::NextTab);
    c.bench_function("update + render offices 200x60", |b| {
        b.iter(|| {
            offices.update(if up {
                Action::Increase
            } else {
                Action::Decrease
            });
            up = !up;
            terminal
                .draw(|f| {
                    f.render_widget(
                        Screen {
                            app: &offices,
                            theme: Theme::COLOR,
                        },
                        f.area(),
                    );
                })
                .unwrap();
        });
    });
    let data = Dataset::bundled().unwrap();
    c.bench_function("evaluate scenario", |b| {
        b.iter(|| arrest_scenarios::model::evaluate(black_box(&Scenario::default()), &data));
    });
}

criterion_group!(benches, frame);
criterion_main!(benches);
