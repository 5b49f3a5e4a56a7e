# Throughput vs records
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-throughput-vs-scale.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-throughput-vs-scale.svg'
set title 'Throughput vs records'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'records per run (scale)'
set logscale x 10
set xrange [8695.652173913044:11500000]
set xtics ('10k' 10000, '31.6k' 31623, '100k' 100000, '316k' 316228, '1M' 1000000, '3.16M' 3162278, '10M' 10000000)
set ylabel 'throughput (records/s)'
set logscale y 10
set yrange [100000:5000000]
set ytics ('100k' 100000, '200k' 200000, '500k' 500000, '1M' 1000000, '2M' 2000000, '5M' 5000000)
set label 'bronze_append · records per run 10k: 545k [95% CI 482k–555k]' at 10000, 545132.1209904783 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 31.6k: 911k [95% CI 853k–921k]' at 31623, 910841.1693065292 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 100k: 1.43M [95% CI 1.37M–1.51M]' at 100000, 1434474.3924274044 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 316k: 1.98M [95% CI 1.9M–2.02M]' at 316228, 1980688.9170932996 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 1M: 1.92M [95% CI 1.87M–1.93M]' at 1000000, 1919837.4654259458 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 3.16M: 2.25M [95% CI 2.16M–2.8M]' at 3162278, 2253268.638233372 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 10M: 2.07M [95% CI 2.07M–2.14M]' at 10000000, 2071011.513482507 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10k: 193k [95% CI 181k–208k]' at 10000, 193188.2842915497 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 31.6k: 455k [95% CI 446k–493k]' at 31623, 455235.5325932874 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 100k: 871k [95% CI 826k–895k]' at 100000, 870772.3614747099 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 316k: 1.31M [95% CI 1.3M–1.41M]' at 316228, 1308166.807470462 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 1M: 1.55M [95% CI 1.53M–1.56M]' at 1000000, 1550959.7521858811 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 3.16M: 1.82M [95% CI 1.66M–1.84M]' at 3162278, 1823400.156817425 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10M: 1.83M [95% CI 1.51M–1.83M]' at 10000000, 1831564.8665422432 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 10k: 443k [95% CI 439k–496k]' at 10000, 443496.1029375898 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 31.6k: 908k [95% CI 845k–1.02M]' at 31623, 908232.8693437144 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 100k: 1.32M [95% CI 1.23M–1.35M]' at 100000, 1324417.879232608 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 316k: 1.77M [95% CI 1.72M–1.83M]' at 316228, 1767726.9205321197 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 1M: 2.17M [95% CI 2.1M–2.18M]' at 1000000, 2167817.7126890756 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 3.16M: 2.34M [95% CI 2.15M–2.34M]' at 3162278, 2342167.477621214 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 10M: 1.96M [95% CI 1.53M–2.03M]' at 10000000, 1956501.0403655758 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 10k: 218k [95% CI 195k–228k]' at 10000, 218175.1836403471 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 31.6k: 504k [95% CI 444k–530k]' at 31623, 504044.4991149141 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 100k: 896k [95% CI 847k–941k]' at 100000, 895836.5870156728 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 316k: 1.27M [95% CI 1.2M–1.31M]' at 316228, 1268654.025727217 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 1M: 1.53M [95% CI 1.52M–1.64M]' at 1000000, 1531485.1539710953 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 3.16M: 1.8M [95% CI 1.8M–1.88M]' at 3162278, 1802587.2075399002 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 10M: 1.59M [95% CI 1.22M–1.66M]' at 10000000, 1590895.2821556556 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'scale-throughput-vs-scale.dat' index 0 using 1:2:3:4 with yerrorlines lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2:3:4 with yerrorlines lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2:3:4 with yerrorlines lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'scale-throughput-vs-scale.png'
replot
unset output
